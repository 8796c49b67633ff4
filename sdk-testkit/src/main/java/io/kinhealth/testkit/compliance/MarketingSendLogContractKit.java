package io.kinhealth.testkit.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.DecisionOutcome;
import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.compliance.marketing.GateDecision;
import io.kinhealth.compliance.marketing.GateOutcome;
import io.kinhealth.compliance.marketing.GateReason;
import io.kinhealth.compliance.marketing.GateReasons;
import io.kinhealth.compliance.marketing.MarketingMessageId;
import io.kinhealth.compliance.marketing.SendWindow;
import io.kinhealth.compliance.marketing.spi.MarketingSendLog;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.TransactionRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link MarketingSendLog}: decisions found by message id, idempotent per key and message digest,
 * a versioned (recipient, channel) history that refuses a stale write, a frequency window that counts ALLOWs only
 * and excludes its lower bound, and rollback with the transaction. Extend it and supply an empty store.
 */
public abstract class MarketingSendLogContractKit {
  private static final PersonId ALICE = PersonId.of("kit-alice");
  private static final PersonId BOB = PersonId.of("kit-bob");
  private static final Instant T0 = ComplianceSamples.T0;

  protected abstract MarketingSendLog createStore();

  /** The runner the store's writes join; override for a durable store. */
  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  private MarketingSendLog log;

  @BeforeEach
  void setUpStore() {
    log = createStore();
  }

  /** A decision for the kit: ALLOW or BLOCK, decided at {@code at}; {@code digest} stands for the message. */
  protected static GateDecision decision(String id, PersonId to, ContentChannel channel, boolean allow, Instant at,
      char digest) {
    List<GateReason> reasons = allow ? List.of()
        : List.of(new GateReason(GateReasons.QUIET_HOURS, "kit", "night"));
    return new GateDecision(MarketingMessageId.of(id), to, channel, allow ? GateOutcome.ALLOW : GateOutcome.BLOCK,
        reasons, List.of(), DecisionOutcome.PERMIT, List.of("decision.consent_in_force"), "kit-rules", "kit-policy",
        at, null, String.valueOf(digest).repeat(64));
  }

  private GateDecision record(String id, PersonId to, ContentChannel channel, boolean allow, Instant at) {
    long version = log.window(to, channel, Instant.EPOCH).version();
    return log.record(IdempotencyKey.of(id), decision(id, to, channel, allow, at, 'a'), version);
  }

  @Nested
  @DisplayName("recording")
  class Recording {
    @Test
    @DisplayName("a recorded decision is found by its message id, with every field kept")
    void findsByMessageId() {
      GateDecision d = record("m-1", ALICE, ContentChannel.SMS, true, T0);
      assertThat(log.find(MarketingMessageId.of("m-1"))).contains(d);
      assertThat(log.find(MarketingMessageId.of("m-2"))).isEmpty();
    }

    @Test
    @DisplayName("a replay with the same message digest returns the first decision, even if it differs otherwise")
    void replayReturnsFirst() {
      GateDecision first = log.record(IdempotencyKey.of("m-1"),
          decision("m-1", ALICE, ContentChannel.SMS, true, T0, 'a'), 0);
      GateDecision later = decision("m-1", ALICE, ContentChannel.SMS, false, T0.plusSeconds(60), 'a');
      assertThat(log.record(IdempotencyKey.of("m-1"), later, 5)).isEqualTo(first);
      assertThat(log.window(ALICE, ContentChannel.SMS, Instant.EPOCH).version()).isEqualTo(1);
    }

    @Test
    @DisplayName("the same key for another message is an idempotency conflict")
    void otherMessageConflicts() {
      log.record(IdempotencyKey.of("m-1"), decision("m-1", ALICE, ContentChannel.SMS, true, T0, 'a'), 0);
      assertThatThrownBy(() -> log.record(IdempotencyKey.of("m-1"),
          decision("m-1", ALICE, ContentChannel.SMS, true, T0, 'b'), 1))
          .isInstanceOf(IdempotencyConflictException.class);
    }
  }

  @Nested
  @DisplayName("versions")
  class Versions {
    @Test
    @DisplayName("the version counts the decisions recorded for a recipient and channel")
    void versionCounts() {
      record("m-1", ALICE, ContentChannel.SMS, true, T0);
      record("m-2", ALICE, ContentChannel.SMS, false, T0);
      record("m-3", ALICE, ContentChannel.WECHAT_OFFICIAL_ACCOUNT, true, T0);
      assertThat(log.window(ALICE, ContentChannel.SMS, Instant.EPOCH).version()).isEqualTo(2);
      assertThat(log.window(ALICE, ContentChannel.WECHAT_OFFICIAL_ACCOUNT, Instant.EPOCH).version()).isEqualTo(1);
      assertThat(log.window(BOB, ContentChannel.SMS, Instant.EPOCH)).isEqualTo(SendWindow.empty(0));
    }

    @Test
    @DisplayName("a write naming a stale version is refused with version_conflict and writes nothing")
    void staleVersionRefused() {
      record("m-1", ALICE, ContentChannel.SMS, true, T0);
      assertThatThrownBy(() -> log.record(IdempotencyKey.of("m-2"),
          decision("m-2", ALICE, ContentChannel.SMS, true, T0, 'c'), 0))
          .isInstanceOf(ConflictException.class)
          .hasFieldOrPropertyWithValue("reason", "marketing.send_log.version_conflict");
      assertThat(log.find(MarketingMessageId.of("m-2"))).isEmpty();
      assertThat(log.window(ALICE, ContentChannel.SMS, Instant.EPOCH).version()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("frequency window")
  class Window {
    @Test
    @DisplayName("counts ALLOW decisions decided after the bound, names the oldest, ignores BLOCKs")
    void countsAllowsAfterTheBound() {
      record("m-1", ALICE, ContentChannel.SMS, true, T0);
      record("m-2", ALICE, ContentChannel.SMS, false, T0.plus(Duration.ofDays(1)));
      record("m-3", ALICE, ContentChannel.SMS, true, T0.plus(Duration.ofDays(2)));
      SendWindow all = log.window(ALICE, ContentChannel.SMS, T0.minusSeconds(1));
      assertThat(all.allowed()).isEqualTo(2);
      assertThat(all.oldestAllowed()).isEqualTo(T0);
      SendWindow recent = log.window(ALICE, ContentChannel.SMS, T0);
      assertThat(recent.allowed()).as("a send made exactly at the bound has left the window").isEqualTo(1);
      assertThat(recent.oldestAllowed()).isEqualTo(T0.plus(Duration.ofDays(2)));
      assertThat(log.window(ALICE, ContentChannel.SMS, T0.plus(Duration.ofDays(3))).allowed()).isZero();
    }
  }

  @Nested
  @DisplayName("transactions")
  class Transactions {
    @Test
    @DisplayName("a decision recorded in a rolled-back transaction is gone, and its key can be used again")
    void rollback() {
      TransactionRunner tx = transactionRunner();
      assertThatThrownBy(() -> tx.execute(() -> {
        record("m-1", ALICE, ContentChannel.SMS, true, T0);
        throw new IllegalStateException("kit: roll back");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(log.find(MarketingMessageId.of("m-1"))).isEmpty();
      assertThat(log.window(ALICE, ContentChannel.SMS, Instant.EPOCH)).isEqualTo(SendWindow.empty(0));
      assertThat(record("m-1", ALICE, ContentChannel.SMS, true, T0).messageId().value()).isEqualTo("m-1");
    }
  }
}
