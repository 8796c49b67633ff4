package io.kinhealth.examples.quickstart;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.ReferralEngine;
import io.kinhealth.referral.attribution.ScanCommand;
import io.kinhealth.referral.attribution.ScanOutcome;
import io.kinhealth.referral.commission.PartyBalance;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRefund;
import io.kinhealth.referral.order.OrderSettlement;
import io.kinhealth.referral.order.PaidOrder;
import io.kinhealth.referral.order.RefundId;
import io.kinhealth.referral.order.RefundSettlement;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.RevenueShareRule;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.rule.ShareKind;
import io.kinhealth.referral.split.Allocation;
import io.kinhealth.referral.split.OrderLine;
import io.kinhealth.referral.token.ReferralToken;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter: a patient arrives through a member's shared QR code, pays a medical-beauty clinic, the split lands in the
 * ledger, a partial refund and then the rest give every party back exactly its share, and a rule paying a doctor a
 * commission on drugs is refused with its reason.
 */
final class ReferralChapter {
  private static final PartyId MEMBER = PartyId.of("member-xiaowang");
  private static final PartyId PATIENT = PartyId.of("patient-42");
  private static final PartyId DOCTOR = PartyId.of("dr-li");
  private static final RuleSetId RULES = RuleSetId.of("beauty-clinic-7");

  private final PrintStream out;

  ReferralChapter(PrintStream out) {
    this.out = out;
  }

  void run() {
    out.println();
    out.println("Referral and revenue share (kinhealth-referral)");
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);
    ReferralEngine engine = ReferralEngine.builder().clock(clock).build();
    engine.rules().publish(RevenueShareRuleSet.builder(RULES, 1).effectiveFrom(Instant.parse("2026-11-01T00:00:00Z"))
        .rule(RevenueShareRule.named("treatment").categories(RevenueCategory.SERVICE)
            .share(PartyRole.CHANNEL, BasisPoints.of(5000)).share(PartyRole.AGENT, BasisPoints.of(1500))
            .share(PartyRole.SUPPLIER, BasisPoints.of(2000))
            .share(PartyRole.DOCTOR, BasisPoints.of(700), ShareKind.WORK_FEE)
            .share(PartyRole.REFERRER_L1, BasisPoints.of(300)).rest(PartyRole.CLINIC).build())
        .rule(RevenueShareRule.named("goods")
            .share(PartyRole.CHANNEL, BasisPoints.of(5000)).share(PartyRole.AGENT, BasisPoints.of(1500))
            .share(PartyRole.SUPPLIER, BasisPoints.of(2000)).share(PartyRole.REFERRER_L1, BasisPoints.of(300))
            .rest(PartyRole.CLINIC).build())
        .build());

    ReferralToken token = engine.attribution().issueToken(MEMBER, 7, Duration.ofDays(30));
    out.println("   a member shares a QR code; its scene token is " + token.value().length()
        + " characters, signed: " + token.value());
    ScanOutcome scan = engine.attribution().scan(ScanCommand.of(IdempotencyKey.of("wx-scan-1"), token.value(),
        PATIENT));
    out.println("   the patient scans it: " + scan.result() + " to " + scan.referrer());

    PaidOrder order = new PaidOrder(OrderId.of("order-1001"), PATIENT, RULES, clock.instant(), "wechat",
        List.of(OrderLine.of("treatment", RevenueCategory.SERVICE, Money.parse("12800.00")),
            OrderLine.of("filler", RevenueCategory.CONSUMABLE, Money.parse("3000.00"))),
        Map.of(PartyRole.CHANNEL, PartyId.of("meituan"), PartyRole.AGENT, PartyId.of("agent-9"),
            PartyRole.SUPPLIER, PartyId.of("filler-co"), PartyRole.DOCTOR, DOCTOR,
            PartyRole.CLINIC, PartyId.of("clinic-7")));
    OrderSettlement paid = engine.recordPaidOrder(order);
    out.println("   the patient pays " + paid.total().toPlainString() + " yuan; the split, every fen explained:");
    for (Allocation a : paid.allocations()) {
      out.println("     " + a.explain());
    }
    PartyBalance doctor = engine.commissions().balanceOf(DOCTOR);
    out.println("   in the ledger: " + engine.ledger().balance(AccountId.provider("wechat")).posted().toPlainString()
        + " at WeChat Pay; the doctor's " + doctor.pending().toPlainString()
        + " is held until the refund window closes; the ledger sums to zero: "
        + engine.ledger().check().isSound());

    Map<PartyId, Money> original = paid.totalsByParty();
    RefundSettlement partial = engine.recordRefund(OrderRefund.ofTotal(RefundId.of("refund-1"), order.id(),
        clock.instant(), Money.parse("1000.01")));
    out.println("   a partial refund of " + partial.total().toPlainString() + " takes back " + partial.byParty());
    RefundSettlement rest = engine.recordRefund(OrderRefund.ofTotal(RefundId.of("refund-2"), order.id(),
        clock.instant(), paid.total().minus(partial.total())));
    Map<PartyId, Money> back = new HashMap<>(partial.byParty());
    rest.byParty().forEach((party, m) -> back.merge(party, m, Money::plus));
    out.println("   refunding the rest gives every party back exactly its share: " + back.equals(original)
        + "; the doctor now holds " + engine.commissions().balanceOf(DOCTOR).pending().toPlainString());

    try {
      engine.rules().publish(RevenueShareRuleSet.builder(RULES, 2)
          .effectiveFrom(clock.instant().plus(Duration.ofDays(1)))
          .rule(RevenueShareRule.named("pharmacy").categories(RevenueCategory.DRUG)
              .share(PartyRole.DOCTOR, BasisPoints.of(500)).rest(PartyRole.CLINIC).build())
          .build());
    } catch (ValidationException e) {
      out.println("   a rule paying the doctor 5% of drug sales is refused: " + e.reason() + " on "
          + e.field().orElse("?"));
      out.println("     " + e.violations().get(0).message());
    }
  }
}
