package io.kinhealth.testkit.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.compliance.marketing.SubscriptionChange;
import io.kinhealth.compliance.marketing.spi.SubscriptionStore;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.TransactionRunner;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link SubscriptionStore}: changes visible at once, the newest applicable change wins (a
 * channel's own or an all-channel one; on equal times the one recorded last), idempotent per key, rolled back with
 * the transaction. Extend it and supply an empty store.
 */
public abstract class SubscriptionStoreContractKit {
  private static final PersonId ALICE = PersonId.of("kit-alice");
  private static final PersonId BOB = PersonId.of("kit-bob");
  private static final Instant T0 = ComplianceSamples.T0;

  protected abstract SubscriptionStore createStore();

  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  private SubscriptionStore store;
  private int keys;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  private SubscriptionChange record(PersonId p, ContentChannel c, boolean off, Instant at) {
    return store.record(IdempotencyKey.of("s-" + (++keys)), new SubscriptionChange(p, c, off, at, "kit"));
  }

  @Nested
  @DisplayName("latest change")
  class Latest {
    @Test
    @DisplayName("nothing recorded: no change")
    void empty() {
      assertThat(store.latest(ALICE, ContentChannel.SMS)).isEmpty();
    }

    @Test
    @DisplayName("a channel's unsubscribe applies to that channel only and is visible to the next read")
    void channelScope() {
      SubscriptionChange u = record(ALICE, ContentChannel.SMS, true, T0);
      assertThat(store.latest(ALICE, ContentChannel.SMS)).contains(u);
      assertThat(store.latest(ALICE, ContentChannel.WECHAT_OFFICIAL_ACCOUNT)).isEmpty();
      assertThat(store.latest(BOB, ContentChannel.SMS)).isEmpty();
    }

    @Test
    @DisplayName("an all-channel change applies to every channel; the newest applicable change wins")
    void newestWins() {
      record(ALICE, null, true, T0);
      SubscriptionChange back = record(ALICE, ContentChannel.SMS, false, T0.plusSeconds(60));
      assertThat(store.latest(ALICE, ContentChannel.SMS)).contains(back);
      assertThat(store.latest(ALICE, ContentChannel.APP_PUSH).map(SubscriptionChange::unsubscribed)).contains(true);
      SubscriptionChange again = record(ALICE, null, true, T0.plusSeconds(120));
      assertThat(store.latest(ALICE, ContentChannel.SMS)).contains(again);
    }

    @Test
    @DisplayName("of changes at the same instant, the one recorded last wins")
    void tieGoesToTheLastRecorded() {
      record(ALICE, ContentChannel.SMS, true, T0);
      SubscriptionChange second = record(ALICE, null, false, T0);
      assertThat(store.latest(ALICE, ContentChannel.SMS)).contains(second);
    }

    @Test
    @DisplayName("an older change recorded late does not override a newer one")
    void olderChangeRecordedLate() {
      SubscriptionChange newer = record(ALICE, ContentChannel.SMS, true, T0.plusSeconds(60));
      record(ALICE, ContentChannel.SMS, false, T0);
      assertThat(store.latest(ALICE, ContentChannel.SMS)).contains(newer);
    }
  }

  @Nested
  @DisplayName("idempotency and transactions")
  class Writes {
    @Test
    @DisplayName("a replay with an equal change returns the first; another change under the key conflicts")
    void idempotent() {
      SubscriptionChange c = new SubscriptionChange(ALICE, ContentChannel.SMS, true, T0, "sms_reply_T");
      assertThat(store.record(IdempotencyKey.of("k"), c)).isEqualTo(c);
      assertThat(store.record(IdempotencyKey.of("k"), c)).isEqualTo(c);
      assertThatThrownBy(() -> store.record(IdempotencyKey.of("k"),
          new SubscriptionChange(ALICE, ContentChannel.SMS, false, T0, "sms_reply_T")))
          .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    @DisplayName("a change recorded in a rolled-back transaction is gone")
    void rollback() {
      TransactionRunner tx = transactionRunner();
      assertThatThrownBy(() -> tx.execute(() -> {
        record(ALICE, ContentChannel.SMS, true, T0);
        throw new IllegalStateException("kit: roll back");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(store.latest(ALICE, ContentChannel.SMS)).isEmpty();
    }
  }
}
