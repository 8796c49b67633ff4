package io.kinhealth.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdempotencyTableTest {
  record Payload(String order, long fen) {}

  private final IdempotencyTable<String> table = new IdempotencyTable<>();
  private final AtomicInteger writes = new AtomicInteger();

  private String write() {
    return "result-" + writes.incrementAndGet();
  }

  @Test
  @DisplayName("a replay with the same payload returns the first result without writing again")
  void replay() {
    IdempotencyKey key = IdempotencyKey.of("k1");
    assertThat(table.apply(key, new Payload("o1", 100), this::write)).isEqualTo("result-1");
    assertThat(table.apply(key, new Payload("o1", 100), this::write)).isEqualTo("result-1");
    assertThat(writes).hasValue(1);
    assertThat(table.find(key)).contains("result-1");
  }

  @Test
  @DisplayName("the same key with another payload is an idempotency conflict and the first result stands")
  void conflict() {
    IdempotencyKey key = IdempotencyKey.of("k1");
    table.apply(key, new Payload("o1", 100), this::write);
    assertThatThrownBy(() -> table.apply(key, new Payload("o1", 101), this::write))
        .isInstanceOf(IdempotencyConflictException.class);
    assertThat(table.find(key)).contains("result-1");
  }

  @Test
  @DisplayName("a failed write leaves no entry, and a rolled-back transaction removes its entry")
  void failuresLeaveNothing() {
    IdempotencyKey key = IdempotencyKey.of("k1");
    assertThatThrownBy(() -> table.apply(key, "p", () -> {
      throw new IllegalStateException("store down");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(table.find(key)).isEmpty();

    InMemoryTransactionRunner tx = new InMemoryTransactionRunner();
    assertThatThrownBy(() -> tx.execute(() -> {
      table.apply(key, "p", this::write);
      throw new IllegalStateException("later step failed");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(table.find(key)).isEmpty();
    assertThat(table.size()).isZero();
  }
}
