package io.kinhealth.testkit.family;

import static io.kinhealth.testkit.family.FamilySamples.MEMBER;
import static io.kinhealth.testkit.family.FamilySamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.spi.AlertSink;
import io.kinhealth.family.triage.Alert;
import io.kinhealth.family.triage.DeliveryStatus;
import io.kinhealth.family.triage.NoticeReason;
import io.kinhealth.family.triage.TriageNotice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link AlertSink} (see its javadoc): a status per delivery, idempotency per key (a retry is the
 * status query and queues nothing twice; another notice under the key is a conflict). Extend it, supply a fresh sink
 * and tell the kit how many notices a person's queue holds.
 */
public abstract class AlertSinkContractKit {
  protected abstract AlertSink createSink();

  /** How many notices the sink created by {@link #createSink()} has put in front of a person so far. */
  protected abstract int queued(AlertSink sink);

  private AlertSink sink;

  @BeforeEach
  void setUpSink() {
    sink = createSink();
  }

  private static IdempotencyKey key() {
    return IdempotencyKey.of("kit-" + FamilySamples.newId());
  }

  @Test
  @DisplayName("a notice is delivered, or a status is returned; never an exception for a normal notice")
  void deliver() {
    Alert a = FamilyRiskSamples.alert(MEMBER, "fever", AlertSeverity.HIGH, T0);
    DeliveryStatus status = sink.deliver(key(), FamilyRiskSamples.notice(a, 1, NoticeReason.RAISED));
    assertThat(status).isNotNull();
    if (status == DeliveryStatus.DELIVERED) {
      assertThat(queued(sink)).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a retry with the same key and notice queues it once and reports its status")
  void retryQueuesOnce() {
    Alert a = FamilyRiskSamples.alert(MEMBER, "fever", AlertSeverity.CRITICAL, T0);
    IdempotencyKey k = key();
    TriageNotice n = FamilyRiskSamples.notice(a, 1, NoticeReason.RAISED);
    DeliveryStatus first = sink.deliver(k, n);
    for (int i = 0; i < 3; i++) {
      DeliveryStatus again = sink.deliver(k, n);
      if (first == DeliveryStatus.DELIVERED) {
        assertThat(again).isEqualTo(DeliveryStatus.DELIVERED);
      }
    }
    assertThat(queued(sink)).isLessThanOrEqualTo(1);
  }

  @Test
  @DisplayName("another notice under a used key is an idempotency conflict")
  void conflict() {
    Alert a = FamilyRiskSamples.alert(MEMBER, "fever", AlertSeverity.CRITICAL, T0);
    IdempotencyKey k = key();
    sink.deliver(k, FamilyRiskSamples.notice(a, 1, NoticeReason.RAISED));
    assertThatThrownBy(() -> sink.deliver(k, FamilyRiskSamples.notice(a, 2, NoticeReason.ESCALATED)))
        .isInstanceOf(IdempotencyConflictException.class);
  }

  @Test
  @DisplayName("later notices of one alert are queued with their own keys")
  void laterNotices() {
    Alert a = FamilyRiskSamples.alert(MEMBER, "fever", AlertSeverity.CRITICAL, T0);
    DeliveryStatus s1 = sink.deliver(key(), FamilyRiskSamples.notice(a, 1, NoticeReason.RAISED));
    DeliveryStatus s2 = sink.deliver(key(), FamilyRiskSamples.notice(a, 2, NoticeReason.ESCALATED));
    if (s1 == DeliveryStatus.DELIVERED && s2 == DeliveryStatus.DELIVERED) {
      assertThat(queued(sink)).isEqualTo(2);
    }
  }
}
