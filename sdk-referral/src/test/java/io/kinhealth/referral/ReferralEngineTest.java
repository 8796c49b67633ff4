package io.kinhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.LimitExceededException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.memory.InMemoryEventBus;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.referral.attribution.AbuseFlag;
import io.kinhealth.referral.attribution.FingerprintKind;
import io.kinhealth.referral.attribution.Fingerprint;
import io.kinhealth.referral.attribution.ReferrerKind;
import io.kinhealth.referral.attribution.ScanCommand;
import io.kinhealth.referral.commission.Commission;
import io.kinhealth.referral.commission.CommissionId;
import io.kinhealth.referral.commission.CommissionPolicy;
import io.kinhealth.referral.commission.CommissionState;
import io.kinhealth.referral.commission.PartyBalance;
import io.kinhealth.referral.commission.Payout;
import io.kinhealth.referral.commission.PayoutId;
import io.kinhealth.referral.commission.PayoutState;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRefund;
import io.kinhealth.referral.order.OrderSettlement;
import io.kinhealth.referral.order.PaidOrder;
import io.kinhealth.referral.order.RefundId;
import io.kinhealth.referral.order.RefundSettlement;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.PercentShare;
import io.kinhealth.referral.rule.RevenueShareRule;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.VolumeTier;
import io.kinhealth.referral.split.OrderLine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The referral engine")
class ReferralEngineTest {
  static final PartyId PATIENT = PartyId.of("patient-1");
  static final PartyId SHARER = PartyId.of("member-7");
  static final PartyId CHANNEL = PartyId.of("meituan");
  static final PartyId AGENT = PartyId.of("agent-9");
  static final PartyId SUPPLIER = PartyId.of("filler-co");
  static final PartyId DOCTOR = PartyId.of("dr-li");
  static final PartyId CLINIC = PartyId.of("clinic-7");
  static final PartyId ANSWERER = PartyId.of("dr-wang");

  final TestClock clock = TestClock.at("2026-11-25T02:00:00Z");
  final InMemoryEventBus events = new InMemoryEventBus();
  final List<ReferralEvent> published = new ArrayList<>();
  ReferralEngine engine;
  int keys;

  ReferralEngine build(ReferralEngine.Builder b) {
    ReferralEngine e = b.clock(clock).events(events).build();
    e.rules().publish(Seeds.beauty());
    e.rules().publish(Seeds.paidQa());
    e.rules().publish(Seeds.crowd());
    return e;
  }

  @BeforeEach
  void setUp() {
    events.subscribe(ReferralEvent.class, published::add);
    engine = build(ReferralEngine.builder().commissions(CommissionPolicy.ofDefaults()
        .withFee(BasisPoints.of(60), Money.ofYuan(1))));
  }

  void refer(ReferralEngine e, PartyId referrer, PartyId referee) {
    String token = e.attribution().issueToken(referrer, 1, Duration.ofDays(7)).value();
    e.attribution().scan(ScanCommand.of(IdempotencyKey.of("scan-" + ++keys), token, referee));
  }

  static PaidOrder beautyOrder(String id, Instant paidAt, Money treatment, Money filler) {
    return new PaidOrder(OrderId.of(id), PATIENT, Seeds.BEAUTY, paidAt, "wechat",
        List.of(OrderLine.of("treatment", RevenueCategory.SERVICE, treatment),
            OrderLine.of("filler", RevenueCategory.CONSUMABLE, filler)),
        Map.of(PartyRole.CHANNEL, CHANNEL, PartyRole.AGENT, AGENT, PartyRole.SUPPLIER, SUPPLIER,
            PartyRole.DOCTOR, DOCTOR, PartyRole.CLINIC, CLINIC));
  }

  PaidOrder unlock(String id, PartyId reader) {
    return new PaidOrder(OrderId.of(id), reader, Seeds.PAID_QA, clock.instant(), "wechat",
        List.of(OrderLine.of("unlock", RevenueCategory.CONTENT, Money.ofYuan(1))),
        Map.of(PartyRole.ANSWERER, ANSWERER));
  }

  Commission commission(String order, PartyRole role) {
    return engine.commissions().commission(CommissionId.of(OrderId.of(order), role)).orElseThrow();
  }

  void assertSound() {
    assertThat(engine.ledger().check().isSound()).as("%s", engine.ledger().check()).isTrue();
  }

  @Nested
  @DisplayName("records a paid order")
  class PaidOrders {
    @Test
    @DisplayName("splitting it by the rule set in force and booking every share in one entry")
    void books() {
      OrderSettlement s = engine.recordPaidOrder(beautyOrder("o1", clock.instant(), Money.parse("12800.00"),
          Money.parse("3000.00")));
      assertThat(s.total()).isEqualTo(Money.parse("15800.00"));
      assertThat(s.ruleSetVersion()).isEqualTo(1);
      assertThat(s.commissions()).hasSize(5);
      assertThat(s.platformShare()).isEqualTo(Money.zero(Money.CNY));
      assertThat(engine.ledger().balance(AccountId.provider("wechat")).posted()).isEqualTo(Money.parse("15800.00"));
      assertThat(engine.commissions().balanceOf(DOCTOR).pending()).isEqualTo(Money.parse("896.00"));
      assertThat(engine.commissions().balanceOf(CLINIC).pending()).isEqualTo(Money.parse("1474.00"));
      assertThat(engine.commissions().balanceOf(DOCTOR).available()).isEqualTo(Money.zero(Money.CNY));
      Commission doctor = commission("o1", PartyRole.DOCTOR);
      assertThat(doctor.state()).isEqualTo(CommissionState.PENDING);
      assertThat(doctor.availableAt()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
      assertThat(engine.ledger().balance(engine.clearingAccount()).available()).isEqualTo(Money.zero(Money.CNY));
      assertSound();
      assertThat(published).filteredOn(ReferralEvent.OrderSettled.class::isInstance).hasSize(1);
      assertThat(published).filteredOn(ReferralEvent.CommissionChanged.class::isInstance).hasSize(5);
    }

    @Test
    @DisplayName("returning the first settlement on replay and refusing the id with another command")
    void idempotent() {
      PaidOrder order = beautyOrder("o1", clock.instant(), Money.ofYuan(100), Money.ofYuan(50));
      OrderSettlement first = engine.recordPaidOrder(order);
      clock.advance(Duration.ofMinutes(1));
      assertThat(engine.recordPaidOrder(order)).isEqualTo(first);
      assertThat(engine.ledger().balance(AccountId.provider("wechat")).posted()).isEqualTo(Money.ofYuan(150));
      assertThatThrownBy(() -> engine.recordPaidOrder(beautyOrder("o1", order.paidAt(), Money.ofYuan(101),
          Money.ofYuan(50)))).isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    @DisplayName("paying the referrer of the customer, as bound when the order was paid")
    void referrer() {
      refer(engine, SHARER, PATIENT);
      OrderSettlement s = engine.recordPaidOrder(unlock("u1", PATIENT));
      assertThat(s.totalsByParty()).containsEntry(SHARER, Money.ofMinor(10)).containsEntry(ANSWERER,
          Money.ofMinor(90));
      PaidOrder before = new PaidOrder(OrderId.of("u0"), PATIENT, Seeds.PAID_QA, clock.instant().minusSeconds(60),
          "wechat", List.of(OrderLine.of("unlock", RevenueCategory.CONTENT, Money.ofYuan(1))),
          Map.of(PartyRole.ANSWERER, ANSWERER));
      assertThat(engine.recordPaidOrder(before).totalsByParty()).containsOnlyKeys(ANSWERER);
    }

    @Test
    @DisplayName("withholding a referral fee from medical staff who referred the patient")
    void staffReferrer() {
      engine.attribution().registerReferrer(DOCTOR, ReferrerKind.MEDICAL_STAFF);
      refer(engine, DOCTOR, PATIENT);
      OrderSettlement s = engine.recordPaidOrder(unlock("u1", PATIENT));
      assertThat(s.totalsByParty()).containsExactly(Map.entry(ANSWERER, Money.ofYuan(1)));
      assertThat(s.allocations().get(0).adjustments()).contains(io.kinhealth.referral.split.Adjustment.WITHHELD);
    }

    @Test
    @DisplayName("refusing an order whose rule set was not yet in force, or that fills engine roles itself")
    void refusals() {
      assertThatThrownBy(() -> engine.recordPaidOrder(beautyOrder("o1", Seeds.EPOCH.minusSeconds(1),
          Money.ofYuan(1), Money.ofYuan(1)))).isInstanceOfSatisfying(NotFoundException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.rule.none_in_force"));
      assertThatThrownBy(() -> new PaidOrder(OrderId.of("x"), PATIENT, Seeds.PAID_QA, clock.instant(), "wechat",
          List.of(OrderLine.of("unlock", RevenueCategory.CONTENT, Money.ofYuan(1))),
          Map.of(PartyRole.REFERRER_L1, SHARER))).isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.order.reserved_role"));
      assertThat(engine.order(OrderId.of("o1"))).isEmpty();
      assertSound();
    }
  }

  @Nested
  @DisplayName("publishes rule sets")
  class Rules {
    @Test
    @DisplayName("refusing a doctor's commission on drugs with its reason")
    void doctorOnDrugs() {
      RevenueShareRuleSet kickback = RevenueShareRuleSet.builder(Seeds.BEAUTY, 2)
          .effectiveFrom(clock.instant().plus(Duration.ofDays(1)))
          .rule(RevenueShareRule.named("pharmacy").categories(RevenueCategory.DRUG)
              .share(PartyRole.DOCTOR, BasisPoints.of(500)).rest(PartyRole.CLINIC).build())
          .build();
      assertThatThrownBy(() -> engine.rules().publish(kickback)).isInstanceOfSatisfying(ValidationException.class,
          e -> assertThat(e.reason()).isEqualTo("referral.rule.doctor_share_of_drug"));
      assertThat(engine.rules().version(Seeds.BEAUTY, 2)).isEmpty();
    }

    @Test
    @DisplayName("in order, never retroactively, and splitting each order by the version in force when paid")
    void versions() {
      Instant v2From = clock.instant().plus(Duration.ofDays(1));
      RevenueShareRuleSet v2 = RevenueShareRuleSet.builder(Seeds.PAID_QA, 2).effectiveFrom(v2From)
          .rule(RevenueShareRule.named("unlock").categories(RevenueCategory.CONTENT)
              .share(PartyRole.REFERRER_L1, BasisPoints.of(2000)).rest(PartyRole.ANSWERER).build())
          .build();
      assertThatThrownBy(() -> engine.rules().publish(RevenueShareRuleSet.builder(Seeds.PAID_QA, 3)
          .effectiveFrom(v2From).rule(v2.rules().get(0)).build()))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.rule.version_conflict"));
      assertThatThrownBy(() -> engine.rules().publish(RevenueShareRuleSet.builder(Seeds.PAID_QA, 2)
          .effectiveFrom(clock.instant().minusSeconds(1)).rule(v2.rules().get(0)).build()))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.rule.retroactive"));
      engine.rules().publish(v2);
      assertThat(engine.rules().publish(v2)).isEqualTo(v2);
      refer(engine, SHARER, PATIENT);
      assertThat(engine.recordPaidOrder(unlock("before", PATIENT)).totalsByParty())
          .containsEntry(SHARER, Money.ofMinor(10));
      clock.set(v2From);
      OrderSettlement after = engine.recordPaidOrder(unlock("after", PATIENT));
      assertThat(after.ruleSetVersion()).isEqualTo(2);
      assertThat(after.totalsByParty()).containsEntry(SHARER, Money.ofMinor(20));
    }
  }

  @Nested
  @DisplayName("refunds")
  class Refunds {
    @Test
    @DisplayName("any sequence of partial refunds returns exactly each party's original share")
    void partialRefundsAreExact() {
      OrderSettlement s = engine.recordPaidOrder(beautyOrder("o1", clock.instant(), Money.parse("999.99"),
          Money.parse("333.33")));
      Map<PartyId, Money> original = s.totalsByParty();
      long[] pieces = {1, 33_333, 7, 50_000, 12_345};
      long refunded = 0;
      Map<PartyId, Long> back = new java.util.HashMap<>();
      for (int i = 0; i < pieces.length; i++) {
        RefundSettlement r = engine.recordRefund(OrderRefund.ofTotal(RefundId.of("r" + i), OrderId.of("o1"),
            clock.instant(), Money.ofMinor(pieces[i])));
        refunded += pieces[i];
        r.byParty().forEach((p, m) -> back.merge(p, m.minor(), Long::sum));
        assertSound();
      }
      RefundSettlement last = engine.recordRefund(OrderRefund.ofTotal(RefundId.of("rest"), OrderId.of("o1"),
          clock.instant(), Money.ofMinor(133_332 - refunded)));
      last.byParty().forEach((p, m) -> back.merge(p, m.minor(), Long::sum));
      original.forEach((p, m) -> assertThat(back.get(p)).as("%s", p).isEqualTo(m.minor()));
      assertThat(commission("o1", PartyRole.DOCTOR).state()).isEqualTo(CommissionState.CANCELLED);
      assertThat(engine.commissions().balanceOf(DOCTOR).pending()).isEqualTo(Money.zero(Money.CNY));
      assertThat(engine.ledger().balance(AccountId.provider("wechat")).posted()).isEqualTo(Money.zero(Money.CNY));
      assertThatThrownBy(() -> engine.recordRefund(OrderRefund.ofTotal(RefundId.of("more"), OrderId.of("o1"),
          clock.instant(), Money.ofMinor(1)))).isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.refund.exceeds_remaining"));
      assertSound();
    }

    @Test
    @DisplayName("of one line leave the other lines' shares alone")
    void perLine() {
      engine.recordPaidOrder(beautyOrder("o1", clock.instant(), Money.ofYuan(1000), Money.ofYuan(500)));
      RefundSettlement r = engine.recordRefund(OrderRefund.ofLines(RefundId.of("r1"), OrderId.of("o1"),
          clock.instant(), Map.of("filler", Money.ofYuan(500))));
      assertThat(r.byParty()).doesNotContainKey(DOCTOR);
      assertThat(commission("o1", PartyRole.DOCTOR).remaining()).isEqualTo(Money.ofYuan(70));
      assertThat(commission("o1", PartyRole.CLINIC).remaining()).isEqualTo(Money.ofYuan(80));
      assertThatThrownBy(() -> engine.recordRefund(OrderRefund.ofLines(RefundId.of("r2"), OrderId.of("o1"),
          clock.instant(), Map.of("nope", Money.ofYuan(1))))).isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.refund.unknown_line"));
    }

    @Test
    @DisplayName("are idempotent by refund id")
    void idempotent() {
      engine.recordPaidOrder(beautyOrder("o1", clock.instant(), Money.ofYuan(1000), Money.ofYuan(500)));
      OrderRefund refund = OrderRefund.ofTotal(RefundId.of("r1"), OrderId.of("o1"), clock.instant(),
          Money.ofYuan(100));
      RefundSettlement first = engine.recordRefund(refund);
      assertThat(engine.recordRefund(refund)).isEqualTo(first);
      assertThat(engine.order(OrderId.of("o1")).orElseThrow().refunded()).isEqualTo(Money.ofYuan(100));
      assertThatThrownBy(() -> engine.recordRefund(OrderRefund.ofTotal(RefundId.of("r1"), OrderId.of("o1"),
          clock.instant(), Money.ofYuan(101)))).isInstanceOf(IdempotencyConflictException.class);
    }
  }

  @Nested
  @DisplayName("moves commissions through their lifecycle")
  class Lifecycle {
    @Test
    @DisplayName("available once the hold period has passed, then paid out above the minimum, less the fee")
    void happyPath() {
      engine.recordPaidOrder(beautyOrder("o1", clock.instant(), Money.ofYuan(1000), Money.ofYuan(500)));
      assertThat(engine.commissions().releaseDue(100)).isZero();
      clock.advance(Duration.ofDays(7));
      assertThat(engine.commissions().releaseDue(100)).isEqualTo(5);
      assertThat(commission("o1", PartyRole.DOCTOR).state()).isEqualTo(CommissionState.AVAILABLE);
      assertThat(engine.commissions().balanceOf(DOCTOR).available()).isEqualTo(Money.ofYuan(70));

      Payout p = engine.commissions().startPayout(PayoutId.of("p1"), DOCTOR, "wechat");
      assertThat(p.fee()).isEqualTo(Money.ofYuan(1)); // 0.6% of 70 is 0.42, the minimum fee is 1 yuan
      assertThat(p.net()).isEqualTo(Money.ofYuan(69));
      assertThat(engine.commissions().balanceOf(DOCTOR).available()).isEqualTo(Money.zero(Money.CNY));
      assertThat(engine.commissions().balanceOf(DOCTOR).reserved()).isEqualTo(Money.ofYuan(70));
      assertThat(engine.commissions().startPayout(PayoutId.of("p1"), DOCTOR, "wechat")).isEqualTo(p);
      Payout paid = engine.commissions().completePayout(PayoutId.of("p1"));
      assertThat(paid.state()).isEqualTo(PayoutState.PAID);
      assertThat(commission("o1", PartyRole.DOCTOR).state()).isEqualTo(CommissionState.PAID);
      assertThat(engine.ledger().balance(engine.platformAccount()).posted()).isEqualTo(Money.ofYuan(1));
      assertThat(engine.ledger().balance(AccountId.provider("wechat")).posted()).isEqualTo(Money.ofYuan(1431));
      assertSound();
    }

    @Test
    @DisplayName("refusing a payout below the minimum")
    void minimum() {
      engine.recordPaidOrder(unlock("u1", PATIENT));
      clock.advance(Duration.ofDays(7));
      engine.commissions().releaseDue(10);
      assertThatThrownBy(() -> engine.commissions().startPayout(PayoutId.of("p1"), ANSWERER, "wechat"))
          .isInstanceOfSatisfying(LimitExceededException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.payout.below_minimum"));
    }

    @Test
    @DisplayName("a refund after payout becomes a debt that blocks withdrawal until later earnings net it")
    void debtAfterPayout() {
      engine.recordPaidOrder(beautyOrder("o1", clock.instant(), Money.ofYuan(1000), Money.ofYuan(500)));
      clock.advance(Duration.ofDays(7));
      engine.commissions().releaseDue(100);
      engine.commissions().startPayout(PayoutId.of("p1"), DOCTOR, "wechat");
      engine.commissions().completePayout(PayoutId.of("p1"));

      RefundSettlement r = engine.recordRefund(OrderRefund.ofLines(RefundId.of("r1"), OrderId.of("o1"),
          clock.instant(), Map.of("treatment", Money.ofYuan(1000))));
      assertThat(r.debt()).containsEntry(DOCTOR, Money.ofYuan(70));
      assertThat(commission("o1", PartyRole.DOCTOR).state()).isEqualTo(CommissionState.REVERSED);
      PartyBalance b = engine.commissions().balanceOf(DOCTOR);
      assertThat(b.debt()).isEqualTo(Money.ofYuan(70));
      assertThat(b.available().isNegative()).isFalse();
      assertSound();

      engine.recordPaidOrder(beautyOrder("o2", clock.instant(), Money.ofYuan(2000), Money.ofYuan(10)));
      assertThatThrownBy(() -> engine.commissions().startPayout(PayoutId.of("p2"), DOCTOR, "wechat"))
          .isInstanceOfSatisfying(InvalidStateException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.payout.debt_open"));
      clock.advance(Duration.ofDays(7));
      engine.commissions().releaseDue(100);
      PartyBalance netted = engine.commissions().balanceOf(DOCTOR);
      assertThat(netted.debt()).isEqualTo(Money.zero(Money.CNY));
      assertThat(netted.available()).isEqualTo(Money.ofYuan(70)); // 140 earned, 70 of it settled the debt
      assertThat(engine.commissions().startPayout(PayoutId.of("p2"), DOCTOR, "wechat").gross())
          .isEqualTo(Money.ofYuan(70));
      assertSound();
    }

    @Test
    @DisplayName("a failed payout gives the money back and frees its commissions")
    void failedPayout() {
      engine.recordPaidOrder(beautyOrder("o1", clock.instant(), Money.ofYuan(1000), Money.ofYuan(500)));
      clock.advance(Duration.ofDays(7));
      engine.commissions().releaseDue(100);
      engine.commissions().startPayout(PayoutId.of("p1"), DOCTOR, "wechat");
      assertThat(commission("o1", PartyRole.DOCTOR).payout()).isEqualTo(PayoutId.of("p1"));
      Payout failed = engine.commissions().failPayout(PayoutId.of("p1"));
      assertThat(failed.state()).isEqualTo(PayoutState.FAILED);
      assertThat(engine.commissions().failPayout(PayoutId.of("p1"))).isEqualTo(failed);
      assertThatThrownBy(() -> engine.commissions().completePayout(PayoutId.of("p1")))
          .isInstanceOf(InvalidStateException.class);
      assertThat(commission("o1", PartyRole.DOCTOR).payout()).isNull();
      assertThat(commission("o1", PartyRole.DOCTOR).state()).isEqualTo(CommissionState.AVAILABLE);
      assertThat(engine.commissions().balanceOf(DOCTOR).available()).isEqualTo(Money.ofYuan(70));
      assertSound();
    }

    @Test
    @DisplayName("flagged referrals wait for review; fraud forfeits them to the platform")
    void reviewAndFraud() {
      var key = io.kinhealth.core.memory.InMemoryKeyRing.generated().current(
          io.kinhealth.core.spi.KeyUse.HMAC_SHA256);
      Fingerprint device = Fingerprint.of(FingerprintKind.DEVICE, "same-phone", key);
      engine.attribution().recordFingerprints(SHARER, Set.of(device));
      String token = engine.attribution().issueToken(SHARER, 1, Duration.ofDays(1)).value();
      engine.attribution().scan(new ScanCommand(IdempotencyKey.of("s"), token, PATIENT, false, Set.of(device)));
      engine.recordPaidOrder(unlock("u1", PATIENT));
      engine.recordPaidOrder(unlock("u2", PATIENT));
      Commission flagged = commission("u1", PartyRole.REFERRER_L1);
      assertThat(flagged.underReview()).isTrue();
      assertThat(flagged.flags()).containsExactly(AbuseFlag.SHARED_DEVICE);
      clock.advance(Duration.ofDays(8));
      engine.commissions().releaseDue(100);
      assertThat(commission("u1", PartyRole.REFERRER_L1).state()).isEqualTo(CommissionState.PENDING);
      assertThat(commission("u1", PartyRole.ANSWERER).state()).isEqualTo(CommissionState.AVAILABLE);

      engine.commissions().clearReview(flagged.id());
      engine.commissions().releaseDue(100);
      assertThat(commission("u1", PartyRole.REFERRER_L1).state()).isEqualTo(CommissionState.AVAILABLE);

      Commission fraud = engine.commissions().markFraud(CommissionId.of(OrderId.of("u2"), PartyRole.REFERRER_L1));
      assertThat(fraud.state()).isEqualTo(CommissionState.FRAUD);
      assertThat(engine.commissions().markFraud(fraud.id())).isEqualTo(fraud);
      assertThat(engine.ledger().balance(engine.platformAccount()).posted()).isEqualTo(Money.ofMinor(10));
      engine.recordRefund(OrderRefund.ofTotal(RefundId.of("r"), OrderId.of("u2"), clock.instant(),
          Money.ofYuan(1)));
      assertThat(engine.ledger().balance(engine.platformAccount()).posted()).isEqualTo(Money.zero(Money.CNY));
      assertSound();
    }
  }

  @Test
  @DisplayName("pays two referral levels when configured to, never three")
  void twoLevels() {
    ReferralEngine two = build(ReferralEngine.builder().referralDepth(2));
    RevenueShareRuleSet set = RevenueShareRuleSet.builder(io.kinhealth.referral.rule.RuleSetId.of("two"), 1)
        .effectiveFrom(Seeds.EPOCH)
        .rule(RevenueShareRule.named("unlock").categories(RevenueCategory.CONTENT)
            .share(PartyRole.REFERRER_L1, BasisPoints.of(1000)).share(PartyRole.REFERRER_L2, BasisPoints.of(500))
            .rest(PartyRole.ANSWERER).build())
        .build();
    two.rules().publish(set);
    assertThatThrownBy(() -> engine.rules().publish(set)).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.reason()).isEqualTo("referral.rule.depth_exceeds_policy"));
    refer(two, SHARER, PartyId.of("friend"));
    refer(two, PartyId.of("friend"), PATIENT);
    OrderSettlement s = two.recordPaidOrder(new PaidOrder(OrderId.of("u"), PATIENT, set.id(), clock.instant(),
        "wechat", List.of(OrderLine.of("unlock", RevenueCategory.CONTENT, Money.ofYuan(10))),
        Map.of(PartyRole.ANSWERER, ANSWERER)));
    assertThat(s.totalsByParty()).containsEntry(PartyId.of("friend"), Money.ofYuan(1))
        .containsEntry(SHARER, Money.parse("0.50")).containsEntry(ANSWERER, Money.parse("8.50"));
    assertThatThrownBy(() -> ReferralEngine.builder().referralDepth(3).build())
        .isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("counts monthly volume for tiered shares, and refunds take it back")
  void volumeTiers() {
    RevenueShareRuleSet tiers = RevenueShareRuleSet.builder(io.kinhealth.referral.rule.RuleSetId.of("tiers"), 1)
        .effectiveFrom(Seeds.EPOCH)
        .rule(RevenueShareRule.named("agents")
            .share(PercentShare.of(PartyRole.AGENT, BasisPoints.of(1000))
                .withTiers(VolumeTier.from(Money.ofYuan(1000), BasisPoints.of(2000))))
            .rest(PartyRole.CLINIC).build())
        .build();
    engine.rules().publish(tiers);
    java.util.function.Function<String, PaidOrder> order = id -> new PaidOrder(OrderId.of(id), PATIENT, tiers.id(),
        clock.instant(), "wechat", List.of(OrderLine.of("l", RevenueCategory.SERVICE, Money.ofYuan(1000))),
        Map.of(PartyRole.AGENT, AGENT, PartyRole.CLINIC, CLINIC));
    assertThat(engine.recordPaidOrder(order.apply("t1")).totalsByParty()).containsEntry(AGENT, Money.ofYuan(100));
    assertThat(engine.recordPaidOrder(order.apply("t2")).totalsByParty()).containsEntry(AGENT, Money.ofYuan(200));
    engine.recordRefund(OrderRefund.ofTotal(RefundId.of("r1"), OrderId.of("t1"), clock.instant(),
        Money.ofYuan(1000)));
    engine.recordRefund(OrderRefund.ofTotal(RefundId.of("r2"), OrderId.of("t2"), clock.instant(),
        Money.ofYuan(1000)));
    assertThat(engine.recordPaidOrder(order.apply("t3")).totalsByParty()).containsEntry(AGENT, Money.ofYuan(100));
    assertThat(engine.commissions().of(AGENT, CommissionState.CANCELLED, PageRequest.first(10)).items()).hasSize(2);
  }
}
