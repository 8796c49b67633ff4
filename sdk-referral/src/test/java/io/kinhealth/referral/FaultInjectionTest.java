package io.kinhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.crypto.LocalKey;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.memory.InMemoryKeyRing;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.KeyUse;
import io.kinhealth.referral.FaultyStores.Faults;
import io.kinhealth.referral.FaultyStores.InjectedFault;
import io.kinhealth.referral.attribution.Fingerprint;
import io.kinhealth.referral.attribution.FingerprintKind;
import io.kinhealth.referral.attribution.ReferrerKind;
import io.kinhealth.referral.attribution.ScanCommand;
import io.kinhealth.referral.commission.Commission;
import io.kinhealth.referral.commission.CommissionId;
import io.kinhealth.referral.commission.CommissionPolicy;
import io.kinhealth.referral.commission.CommissionState;
import io.kinhealth.referral.commission.PayoutId;
import io.kinhealth.referral.ledger.AccountBalance;
import io.kinhealth.referral.ledger.AccountLine;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.Hold;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.ledger.HoldState;
import io.kinhealth.referral.memory.InMemoryLedgerStore;
import io.kinhealth.referral.memory.InMemoryReferralStore;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRefund;
import io.kinhealth.referral.order.PaidOrder;
import io.kinhealth.referral.order.RefundId;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.split.OrderLine;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs one scenario that touches every write path, once cleanly and then once for every k with the stores throwing
 * on their k-th write. An operation that fails must leave the stores exactly as they were (or, for batch operations
 * that commit unit by unit, consistent); retrying it must succeed; and the run must end in the clean run's state.
 */
@DisplayName("A store failing on any write")
class FaultInjectionTest {
  static final PartyId PATIENT = PartyId.of("patient");
  static final PartyId SHARER = PartyId.of("sharer");
  static final PartyId DOCTOR = PartyId.of("doctor");
  static final PartyId ANSWERER = PartyId.of("answerer");
  static final List<PartyId> PARTIES = List.of(PATIENT, SHARER, DOCTOR, ANSWERER, PartyId.of("channel"),
      PartyId.of("agent"), PartyId.of("supplier"), PartyId.of("clinic"), PartyId.of("nurse"), PartyId.of("platform"));
  static final List<String> ORDERS = List.of("o1", "o2", "o3", "o4", "o5");
  static final List<String> REFUNDS = List.of("r1", "r2", "r3");
  static final List<String> PAYOUTS = List.of("p1", "p2", "p3");
  static final List<String> SCANS = List.of("s1", "s2");

  record Step(String name, boolean batch, Consumer<World> action) {}

  static final class World {
    final TestClock clock = TestClock.at("2026-11-02T00:00:00Z");
    final Faults faults = new Faults();
    final InMemoryReferralStore referral = new InMemoryReferralStore();
    final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    final ReferralEngine engine;
    String token;

    World(int failAt) {
      faults.failAt = failAt;
      InMemoryKeyRing keys = InMemoryKeyRing.empty().add(LocalKey.of("k1", KeyUse.HMAC_SHA256, new byte[32]));
      engine = ReferralEngine.builder().clock(clock).keys(keys)
          .referralStore(new FaultyStores.Referral(referral, faults))
          .ledgerStore(new FaultyStores.Ledger(ledger, faults))
          .commissions(CommissionPolicy.ofDefaults().withFee(BasisPoints.of(100), Money.ofMinor(50))
              .withMinimumPayout(Money.ofYuan(1)))
          .build();
    }
  }

  static PaidOrder beauty(String id, Instant at) {
    return new PaidOrder(OrderId.of(id), PATIENT, Seeds.BEAUTY, at, "wechat",
        List.of(OrderLine.of("t", RevenueCategory.SERVICE, Money.parse("1280.01")),
            OrderLine.of("f", RevenueCategory.CONSUMABLE, Money.parse("300.03"))),
        Map.of(PartyRole.CHANNEL, PartyId.of("channel"), PartyRole.AGENT, PartyId.of("agent"),
            PartyRole.SUPPLIER, PartyId.of("supplier"), PartyRole.DOCTOR, DOCTOR, PartyRole.CLINIC,
            PartyId.of("clinic")));
  }

  static PaidOrder unlock(String id, Instant at, long fen) {
    return new PaidOrder(OrderId.of(id), PATIENT, Seeds.PAID_QA, at, "wechat",
        List.of(OrderLine.of("u", RevenueCategory.CONTENT, Money.ofMinor(fen))), Map.of(PartyRole.ANSWERER, ANSWERER));
  }

  static List<Step> scenario() {
    Fingerprint device = Fingerprint.of(FingerprintKind.DEVICE, "dev-1",
        LocalKey.of("f1", KeyUse.HMAC_SHA256, new byte[32]));
    List<Step> s = new ArrayList<>();
    s.add(new Step("publish beauty", false, w -> w.engine.rules().publish(Seeds.beauty())));
    s.add(new Step("publish paid Q&A", false, w -> w.engine.rules().publish(Seeds.paidQa())));
    s.add(new Step("publish crowd", false, w -> w.engine.rules().publish(Seeds.crowd())));
    s.add(new Step("staff referrer", false, w -> w.engine.attribution().registerReferrer(DOCTOR,
        ReferrerKind.MEDICAL_STAFF)));
    s.add(new Step("fingerprints", false, w -> w.engine.attribution().recordFingerprints(SHARER, Set.of(device))));
    s.add(new Step("token", false, w -> w.token = w.engine.attribution().issueToken(SHARER, 2, Duration.ofDays(1))
        .value()));
    s.add(new Step("scan", false, w -> w.engine.attribution().scan(new ScanCommand(IdempotencyKey.of("s1"),
        w.token, PATIENT, true, Set.of(device)))));
    s.add(new Step("order o1", false, w -> w.engine.recordPaidOrder(beauty("o1", w.clock.instant()))));
    s.add(new Step("order o2", false, w -> w.engine.recordPaidOrder(unlock("o2", w.clock.instant(), 1_999))));
    s.add(new Step("partial refund of a pending order", false, w -> w.engine.recordRefund(OrderRefund.ofTotal(
        RefundId.of("r1"), OrderId.of("o1"), w.clock.instant(), Money.parse("333.33")))));
    s.add(new Step("wait 8 days", false, w -> w.clock.advance(Duration.ofDays(8))));
    s.add(new Step("release", true, w -> w.engine.commissions().releaseDue(100)));
    s.add(new Step("review cleared", false, w -> w.engine.commissions().clearReview(
        CommissionId.of(OrderId.of("o2"), PartyRole.REFERRER_L1))));
    s.add(new Step("release again", true, w -> w.engine.commissions().releaseDue(100)));
    s.add(new Step("payout p1", false, w -> w.engine.commissions().startPayout(PayoutId.of("p1"), DOCTOR, "wechat")));
    s.add(new Step("payout p1 paid", false, w -> w.engine.commissions().completePayout(PayoutId.of("p1"))));
    s.add(new Step("refund after payout", false, w -> w.engine.recordRefund(OrderRefund.ofLines(RefundId.of("r2"),
        OrderId.of("o1"), w.clock.instant(), Map.of("t", Money.parse("900.00"))))));
    s.add(new Step("order o3", false, w -> w.engine.recordPaidOrder(beauty("o3", w.clock.instant()))));
    s.add(new Step("wait 8 more days", false, w -> w.clock.advance(Duration.ofDays(8))));
    s.add(new Step("netting release", true, w -> w.engine.commissions().releaseDue(100)));
    s.add(new Step("payout p2 expiring", false, w -> w.engine.commissions().startPayout(PayoutId.of("p2"), DOCTOR,
        "wechat", w.clock.instant().plus(Duration.ofHours(1)))));
    s.add(new Step("wait 2 hours", false, w -> w.clock.advance(Duration.ofHours(2))));
    s.add(new Step("holds expire", true, w -> w.engine.ledger().expireHolds(100)));
    s.add(new Step("payout p2 failed", false, w -> w.engine.commissions().failPayout(PayoutId.of("p2"))));
    s.add(new Step("payout p3", false, w -> w.engine.commissions().startPayout(PayoutId.of("p3"), ANSWERER,
        "wechat")));
    s.add(new Step("payout p3 failed", false, w -> w.engine.commissions().failPayout(PayoutId.of("p3"))));
    s.add(new Step("order o4", false, w -> w.engine.recordPaidOrder(unlock("o4", w.clock.instant(), 500))));
    s.add(new Step("fraud", false, w -> w.engine.commissions().markFraud(
        CommissionId.of(OrderId.of("o4"), PartyRole.REFERRER_L1))));
    s.add(new Step("refund of fraud", false, w -> w.engine.recordRefund(OrderRefund.ofTotal(RefundId.of("r3"),
        OrderId.of("o4"), w.clock.instant(), Money.ofMinor(500)))));
    s.add(new Step("top up", false, w -> w.engine.topUpProvider("alipay", Money.ofYuan(10), "t1")));
    s.add(new Step("order o5", false, w -> w.engine.recordPaidOrder(new PaidOrder(OrderId.of("o5"), PATIENT,
        Seeds.CROWD, w.clock.instant(), "alipay",
        List.of(new OrderLine("a", RevenueCategory.CONSULTATION, Money.ofYuan(60), 2)),
        Map.of(PartyRole.STAFF, PartyId.of("nurse"), PartyRole.CLINIC, PartyId.of("clinic"))))));
    return s;
  }

  @Test
  @DisplayName("leaves no partial state, for every k, and a retry completes the work")
  void everyWrite() {
    List<Step> steps = scenario();
    World clean = new World(0);
    steps.forEach(step -> step.action().accept(clean));
    int writes = clean.faults.writes;
    assertThat(writes).as("writes in the scenario").isGreaterThan(150);
    List<Object> expected = snapshot(clean);
    assertSound(clean, "clean run");

    for (int k = 1; k <= writes; k++) {
      World w = new World(k);
      for (Step step : steps) {
        List<Object> before = snapshot(w);
        try {
          step.action().accept(w);
        } catch (InjectedFault fault) {
          String at = "write " + k + " in step '" + step.name() + "'";
          if (!step.batch()) {
            assertThat(snapshot(w)).as(at + ": partial state").isEqualTo(before);
          }
          assertSound(w, at);
          step.action().accept(w); // the host retries
        }
      }
      assertThat(w.faults.fired).as("write %d fired", k).isTrue();
      assertThat(snapshot(w)).as("write %d: final state", k).isEqualTo(expected);
    }
  }

  static void assertSound(World w, String at) {
    assertThat(w.engine.ledger().check().isSound()).as(at).isTrue();
    for (String o : ORDERS) {
      for (Commission c : commissions(w, o)) {
        if (c.state() == CommissionState.PENDING) {
          Hold h = w.ledger.findHold(c.hold()).orElseThrow();
          assertThat(h.state()).as(at).isEqualTo(HoldState.PENDING);
          assertThat(h.amount()).as(at).isEqualTo(c.remaining());
        }
      }
    }
  }

  static List<Commission> commissions(World w, String order) {
    List<Commission> out = new ArrayList<>();
    for (PartyRole role : List.of(PartyRole.CHANNEL, PartyRole.AGENT, PartyRole.SUPPLIER, PartyRole.DOCTOR,
        PartyRole.CLINIC, PartyRole.ANSWERER, PartyRole.REFERRER_L1, PartyRole.STAFF)) {
      w.referral.findCommission(CommissionId.of(OrderId.of(order), role)).ifPresent(out::add);
    }
    return out;
  }

  /** Everything both stores hold, read back through the SPI over every key the scenario can create. */
  static List<Object> snapshot(World w) {
    List<Object> out = new ArrayList<>();
    Set<EntryId> entries = new LinkedHashSet<>();
    Set<HoldId> holds = new LinkedHashSet<>();
    for (AccountBalance b : Pages.all(w.ledger::balances, 100)) {
      out.add(b);
      out.add(w.ledger.findAccount(b.account()));
      for (AccountLine l : Pages.all(p -> w.ledger.lines(b.account(), Instant.EPOCH, Instant.MAX, p), 100)) {
        out.add(l);
        entries.add(l.entry());
      }
    }
    for (String o : ORDERS) {
      out.add(w.referral.findOrder(OrderId.of(o)));
      for (Commission c : commissions(w, o)) {
        out.add(c);
        for (int seq = 1; seq <= c.holdSequence(); seq++) {
          holds.add(Commissions.holdId(c.id(), seq));
        }
      }
      entries.add(EntryId.derive("paid", o));
    }
    for (String p : PAYOUTS) {
      out.add(w.referral.findPayout(PayoutId.of(p)));
      holds.add(HoldId.derive("pn", p));
      holds.add(HoldId.derive("pf", p));
      entries.add(EntryId.derive("payout", p));
    }
    for (String r : REFUNDS) {
      out.add(w.referral.findRefund(RefundId.of(r)));
    }
    for (String s : SCANS) {
      out.add(w.referral.findScan(IdempotencyKey.of(s)));
    }
    for (HoldId h : holds) {
      w.ledger.findHold(h).ifPresent(hold -> {
        out.add(hold);
        entries.add(hold.placedBy());
        if (hold.resolvedBy() != null) {
          entries.add(hold.resolvedBy());
        }
      });
    }
    for (EntryId e : entries) {
      out.add(w.ledger.findEntry(e));
    }
    for (PartyId p : PARTIES) {
      out.add(w.referral.findReferrer(p));
      out.add(w.referral.fingerprintsOf(p));
      out.add(w.referral.currentBinding(p));
      out.add(w.referral.countBindingsSince(p, Instant.EPOCH));
      for (PartyRole role : List.of(PartyRole.AGENT, PartyRole.CLINIC)) {
        out.add(w.referral.findVolume(p, role, YearMonth.of(2026, 11)));
      }
    }
    for (RuleSetId id : List.of(Seeds.BEAUTY, Seeds.PAID_QA, Seeds.CROWD)) {
      out.add(w.referral.latestRuleSet(id));
    }
    return out;
  }

}
