package io.kinhealth.referral;

import static io.kinhealth.referral.PayoutWorld.CLINIC;
import static io.kinhealth.referral.PayoutWorld.DOCTOR;
import static io.kinhealth.referral.PayoutWorld.tx;
import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.referral.memory.InMemoryPaymentGateway.Delivery;
import io.kinhealth.referral.memory.InMemoryPaymentGateway.Settlement;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.payment.PaymentRequest;
import io.kinhealth.referral.payment.PaymentStatus;
import io.kinhealth.referral.payment.ReceiverType;
import io.kinhealth.referral.payment.StatementMismatch;
import io.kinhealth.referral.payment.StatementMismatch.Kind;
import io.kinhealth.referral.payment.StatementReport;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reconciling a provider's settlement statement")
class SettlementStatementTest {
  final PayoutWorld w = new PayoutWorld();

  @Test
  @DisplayName("reports every mismatch: missing on either side, amounts and statuses that differ, bad lines")
  void mismatches() {
    w.receiver(DOCTOR, ReceiverType.PERSONAL);
    w.receiver(CLINIC, ReceiverType.MERCHANT);
    Instant from = w.clock.instant();
    w.paidOrder("o1", "10000.00");
    w.paidOrder("o2", "10000.00");
    w.paidOrder("o3", "10000.00");
    w.script.settle(Settlement.succeed(), Settlement.failReceivers(java.util.Set.of(1), "CLOSED"));
    PaymentRequest ok = w.payouts.split(OrderId.of("o1"), tx("o1")).requests().get(0);
    PaymentRequest partial = w.payouts.split(OrderId.of("o2"), tx("o2")).requests().get(0);
    w.script.deliver(Delivery.LOST_BEFORE_PROVIDER);
    PaymentRequest unknown = w.payouts.split(OrderId.of("o3"), tx("o3")).requests().get(0);
    assertThat(partial.settledAmount().toPlainString()).isEqualTo("700.00");
    assertThat(unknown.status()).isEqualTo(PaymentStatus.UNKNOWN);
    Instant to = w.clock.instant().plus(Duration.ofHours(1));

    String csv = String.join("\n",
        "key,amount,status,time",
        ok.key() + ",1500.00,SUCCESS,2026-11-02 10:00:00",
        "\"" + partial.key() + "\",700.01,SUCCEEDED,2026-11-02T02:00:00Z",
        unknown.key() + ",1500.00,SUCCESS,2026-11-02T10:00:00+08:00",
        "Sforeign000000000000,12.00,SUCCESS,2026-11-02 10:00:00",
        ok.key() + ",1500.00,SUCCESS,2026-11-02 10:00:00",
        "not,a,line",
        "");
    StatementReport report = w.payouts.importStatement("wechat", new StringReader(csv), from, to);
    assertThat(report.lines()).isEqualTo(6);
    assertThat(report.matched()).isEqualTo(1);
    assertThat(report.mismatches()).extracting(StatementMismatch::kind).containsExactly(Kind.AMOUNT_DIFFERS,
        Kind.STATUS_DIFFERS, Kind.MISSING_IN_LEDGER, Kind.DUPLICATE_LINE, Kind.MALFORMED_LINE);
    StatementMismatch status = report.mismatches().get(1);
    assertThat(status.recordedStatus()).isEqualTo(PaymentStatus.UNKNOWN);
    assertThat(status.statementStatus()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(report.mismatches().get(4).line()).isEqualTo(7);

    StatementReport missing = w.payouts.importStatement("wechat", new StringReader(ok.key() + ",1500.00,SUCCESS,"
        + "2026-11-02 10:00:00"), from, to);
    assertThat(missing.mismatches()).extracting(StatementMismatch::kind)
        .containsExactly(Kind.MISSING_IN_STATEMENT, Kind.MISSING_IN_STATEMENT);
    assertThat(missing.mismatches()).extracting(StatementMismatch::key)
        .containsExactlyInAnyOrder(partial.key(), unknown.key());
  }

  @Test
  @DisplayName("a statement that agrees with the books is clean")
  void clean() {
    w.receiver(DOCTOR, ReceiverType.PERSONAL);
    Instant from = w.clock.instant();
    w.paidOrder("o1", "10000.00");
    PaymentRequest ok = w.payouts.split(OrderId.of("o1"), tx("o1")).requests().get(0);
    StatementReport report = w.payouts.importStatement("wechat",
        new StringReader(ok.key() + ",700.00,FINISHED,2026-11-02T02:00:00Z\n"), from, from.plusSeconds(60));
    assertThat(report.isClean()).isTrue();
    assertThat(report.matched()).isEqualTo(1);
  }
}
