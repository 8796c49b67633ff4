package io.kinhealth.testkit.referral;

import static io.kinhealth.testkit.referral.ReferralSamples.CLINIC;
import static io.kinhealth.testkit.referral.ReferralSamples.DOCTOR;
import static io.kinhealth.testkit.referral.ReferralSamples.PATIENT;
import static io.kinhealth.testkit.referral.ReferralSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.referral.attribution.BindingMode;
import io.kinhealth.referral.attribution.Fingerprint;
import io.kinhealth.referral.attribution.FingerprintKind;
import io.kinhealth.referral.attribution.ReferralBinding;
import io.kinhealth.referral.attribution.Referrer;
import io.kinhealth.referral.attribution.ReferrerKind;
import io.kinhealth.referral.attribution.ScanCommand;
import io.kinhealth.referral.attribution.ScanOutcome;
import io.kinhealth.referral.attribution.ScanRecord;
import io.kinhealth.referral.attribution.ScanResult;
import io.kinhealth.referral.commission.Commission;
import io.kinhealth.referral.commission.CommissionId;
import io.kinhealth.referral.commission.CommissionState;
import io.kinhealth.referral.commission.Payout;
import io.kinhealth.referral.commission.PayoutId;
import io.kinhealth.referral.commission.PayoutState;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.order.AllocationBalance;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRecord;
import io.kinhealth.referral.order.OrderRefund;
import io.kinhealth.referral.order.RefundId;
import io.kinhealth.referral.order.RefundRecord;
import io.kinhealth.referral.order.RefundSettlement;
import io.kinhealth.referral.order.VolumeCounter;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.spi.ReferralStore;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link ReferralStore} (see its javadoc): referrer codes unique and stable, binding history,
 * idempotent inserts keyed by their natural keys, optimistic updates by version, range reads that page in their
 * documented order, and writes that roll back with their transaction. Extend it and supply a fresh, empty store
 * (and, for a durable store, the transaction runner it takes part in).
 */
public abstract class ReferralStoreContractKit {
  protected abstract ReferralStore createStore();

  /** The transaction runner the store takes part in; the in-memory one by default. */
  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  private ReferralStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  private static ReferralBinding binding(PartyId referee, PartyId referrer, Instant at, long version) {
    return new ReferralBinding(referee, referrer, 1, at, null, BindingMode.LAST_TOUCH, Set.of(), version);
  }

  @Nested
  @DisplayName("referrers")
  class Referrers {
    @Test
    @DisplayName("get unique positive codes, are found by party and by code, and keep their code")
    void codes() {
      Set<Long> codes = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        Referrer r = store.insertReferrer(PartyId.of("r" + i), ReferrerKind.MEMBER);
        assertThat(r.code()).isPositive();
        assertThat(r.version()).isZero();
        assertThat(codes.add(r.code())).isTrue();
        assertThat(store.findReferrerByCode(r.code())).contains(r);
      }
      Referrer first = store.findReferrer(PartyId.of("r0")).orElseThrow();
      assertThat(store.insertReferrer(PartyId.of("r0"), ReferrerKind.MEMBER)).isEqualTo(first);
      assertThatThrownBy(() -> store.insertReferrer(PartyId.of("r0"), ReferrerKind.AGENT))
          .isInstanceOf(IdempotencyConflictException.class);
      Referrer staff = first.withKind(ReferrerKind.MEDICAL_STAFF);
      store.updateReferrer(staff, 0);
      assertThat(store.findReferrerByCode(first.code())).contains(staff);
      assertThatThrownBy(() -> store.updateReferrer(first.withKind(ReferrerKind.AGENT), 0))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.version_conflict"));
      assertThat(store.findReferrerByCode(Long.MAX_VALUE / 2)).isEmpty();
    }

    @Test
    @DisplayName("fingerprints accumulate as a set per party")
    void fingerprints() {
      Fingerprint a = new Fingerprint(FingerprintKind.DEVICE, "abcdefgh12");
      Fingerprint b = new Fingerprint(FingerprintKind.PHONE, "abcdefgh34");
      store.addFingerprints(PATIENT, Set.of(a));
      store.addFingerprints(PATIENT, Set.of(a, b));
      assertThat(store.fingerprintsOf(PATIENT)).containsExactlyInAnyOrder(a, b);
      assertThat(store.fingerprintsOf(DOCTOR)).isEmpty();
    }
  }

  @Nested
  @DisplayName("bindings and scans")
  class Bindings {
    @Test
    @DisplayName("versions are saved in order, the current one is the latest, and history answers 'at'")
    void history() {
      PartyId a = PartyId.of("alice");
      PartyId b = PartyId.of("bob");
      store.saveBinding(binding(PATIENT, a, T0, 1), 0);
      store.saveBinding(binding(PATIENT, b, T0.plus(Duration.ofDays(1)), 2), 1);
      assertThatThrownBy(() -> store.saveBinding(binding(PATIENT, a, T0.plus(Duration.ofDays(2)), 2), 1))
          .isInstanceOf(ConflictException.class);
      assertThatThrownBy(() -> store.saveBinding(binding(DOCTOR, a, T0, 1), 1))
          .isInstanceOf(ConflictException.class);
      assertThat(store.currentBinding(PATIENT)).get().extracting(ReferralBinding::referrer).isEqualTo(b);
      assertThat(store.bindingAt(PATIENT, T0.plus(Duration.ofHours(23)))).get()
          .extracting(ReferralBinding::referrer).isEqualTo(a);
      assertThat(store.bindingAt(PATIENT, T0.plus(Duration.ofDays(1)))).get()
          .extracting(ReferralBinding::referrer).isEqualTo(b);
      assertThat(store.bindingAt(PATIENT, T0.minusSeconds(1))).isEmpty();
      assertThat(store.currentBinding(DOCTOR)).isEmpty();
    }

    @Test
    @DisplayName("bindings by a referrer are counted strictly after an instant")
    void velocity() {
      PartyId a = PartyId.of("alice");
      for (int i = 0; i < 5; i++) {
        store.saveBinding(binding(PartyId.of("p" + i), a, T0.plus(Duration.ofHours(i)), 1), 0);
      }
      assertThat(store.countBindingsSince(a, T0.minusSeconds(1))).isEqualTo(5);
      assertThat(store.countBindingsSince(a, T0.plus(Duration.ofHours(2)))).isEqualTo(2);
      assertThat(store.countBindingsSince(PATIENT, T0.minusSeconds(1))).isZero();
    }

    @Test
    @DisplayName("a scan is kept by key: the same command returns the first record, another is a conflict")
    void scans() {
      ScanCommand cmd = ScanCommand.of(IdempotencyKey.of("s1"), "h1ABCDEFGHIJKLMNOPQRSTUVWX", PATIENT);
      ScanRecord rec = new ScanRecord(cmd.key(), cmd,
          new ScanOutcome(ScanResult.BOUND, DOCTOR, binding(PATIENT, DOCTOR, T0, 1), Set.of()));
      assertThat(store.insertScan(rec)).isEqualTo(rec);
      assertThat(store.insertScan(rec)).isEqualTo(rec);
      assertThat(store.findScan(cmd.key())).contains(rec);
      ScanCommand other = ScanCommand.of(IdempotencyKey.of("s1"), "h1ABCDEFGHIJKLMNOPQRSTUVWX", DOCTOR);
      assertThatThrownBy(() -> store.insertScan(new ScanRecord(other.key(), other, rec.outcome())))
          .isInstanceOf(IdempotencyConflictException.class);
    }
  }

  @Nested
  @DisplayName("rule sets")
  class RuleSets {
    @Test
    @DisplayName("versions are kept by id and version; the one in force is the latest effective, highest on a tie")
    void inForce() {
      store.insertRuleSet(ReferralSamples.ruleSet("rs", 1, T0, 9000));
      store.insertRuleSet(ReferralSamples.ruleSet("rs", 2, T0.plus(Duration.ofDays(10)), 8000));
      RevenueShareRuleSet v3 = ReferralSamples.ruleSet("rs", 3, T0.plus(Duration.ofDays(10)), 7000);
      store.insertRuleSet(v3);
      assertThat(store.insertRuleSet(v3)).isEqualTo(v3);
      assertThatThrownBy(() -> store.insertRuleSet(ReferralSamples.ruleSet("rs", 3, T0, 1)))
          .isInstanceOf(IdempotencyConflictException.class);
      RuleSetId id = RuleSetId.of("rs");
      assertThat(store.ruleSetInForce(id, T0.minusSeconds(1))).isEmpty();
      assertThat(store.ruleSetInForce(id, T0.plus(Duration.ofDays(9)))).get()
          .extracting(RevenueShareRuleSet::version).isEqualTo(1);
      assertThat(store.ruleSetInForce(id, T0.plus(Duration.ofDays(10)))).contains(v3);
      assertThat(store.latestRuleSet(id)).contains(v3);
      assertThat(store.ruleSet(id, 2)).get().extracting(RevenueShareRuleSet::version).isEqualTo(2);
      assertThat(store.latestRuleSet(RuleSetId.of("other"))).isEmpty();
    }
  }

  @Nested
  @DisplayName("orders, refunds and volumes")
  class Orders {
    @Test
    @DisplayName("an order is kept by id, compared by its command, and updated only on the expected version")
    void orders() {
      OrderRecord o = ReferralSamples.order("o1", 100);
      assertThat(store.insertOrder(o)).isEqualTo(o);
      assertThat(store.insertOrder(o)).isEqualTo(o);
      assertThatThrownBy(() -> store.insertOrder(ReferralSamples.order("o1", 101)))
          .isInstanceOf(IdempotencyConflictException.class);
      List<AllocationBalance> refunded = o.allocations().stream()
          .map(a -> new AllocationBalance(a.allocation(), Money.ofMinor(1))).toList();
      OrderRecord v1 = o.withAllocations(refunded);
      store.updateOrder(v1, 0);
      assertThat(store.findOrder(o.id())).contains(v1);
      assertThatThrownBy(() -> store.updateOrder(o.withAllocations(o.allocations()), 0))
          .isInstanceOf(ConflictException.class);
      assertThat(store.findOrder(OrderId.of("o2"))).isEmpty();
    }

    @Test
    @DisplayName("a refund is kept by id and compared by its command")
    void refunds() {
      OrderRefund cmd = OrderRefund.ofTotal(RefundId.of("r1"), OrderId.of("o1"), T0, Money.ofYuan(1));
      RefundRecord r = new RefundRecord(cmd, new RefundSettlement(cmd.id(), cmd.order(), Money.ofYuan(1), List.of(),
          Map.of(), EntryId.of("refund:r1")));
      assertThat(store.insertRefund(r)).isEqualTo(r);
      assertThat(store.insertRefund(r)).isEqualTo(r);
      assertThat(store.findRefund(cmd.id())).contains(r);
      OrderRefund other = OrderRefund.ofTotal(RefundId.of("r1"), OrderId.of("o1"), T0, Money.ofYuan(2));
      assertThatThrownBy(() -> store.insertRefund(new RefundRecord(other, new RefundSettlement(other.id(),
          other.order(), Money.ofYuan(2), List.of(), Map.of(), EntryId.of("refund:r1")))))
          .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    @DisplayName("a volume counter starts at version 0 and moves one version at a time")
    void volumes() {
      YearMonth m = YearMonth.of(2026, 11);
      assertThat(store.findVolume(CLINIC, PartyRole.AGENT, m)).isEmpty();
      VolumeCounter v1 = VolumeCounter.zero(CLINIC, PartyRole.AGENT, m).plus(500);
      store.saveVolume(v1, 0);
      assertThatThrownBy(() -> store.saveVolume(VolumeCounter.zero(CLINIC, PartyRole.AGENT, m).plus(1), 0))
          .isInstanceOf(ConflictException.class);
      store.saveVolume(v1.plus(-200), 1);
      assertThat(store.findVolume(CLINIC, PartyRole.AGENT, m)).get().extracting(VolumeCounter::volume)
          .isEqualTo(300L);
      assertThat(store.findVolume(CLINIC, PartyRole.AGENT, m.plusMonths(1))).isEmpty();
      assertThat(store.findVolume(CLINIC, PartyRole.CLINIC, m)).isEmpty();
    }
  }

  @Nested
  @DisplayName("commissions and payouts")
  class Commissions {
    @Test
    @DisplayName("a commission is kept by id and updated only on the expected version")
    void lifecycle() {
      Commission c = ReferralSamples.commission("c1", DOCTOR, 700, T0);
      assertThat(store.insertCommission(c)).isEqualTo(c);
      assertThat(store.insertCommission(c)).isEqualTo(c);
      assertThatThrownBy(() -> store.insertCommission(ReferralSamples.commission("c1", DOCTOR, 701, T0)))
          .isInstanceOf(IdempotencyConflictException.class);
      Commission available = c.moveTo(CommissionState.AVAILABLE);
      store.updateCommission(available, 0);
      assertThat(store.findCommission(c.id())).contains(available);
      assertThatThrownBy(() -> store.updateCommission(c.withReview(true), 0))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.version_conflict"));
    }

    @Test
    @DisplayName("due commissions page by availability then id, leaving out later, reviewed and settled ones")
    void due() {
      for (int i = 0; i < 9; i++) {
        store.insertCommission(ReferralSamples.commission("d" + (8 - i), DOCTOR, 100, T0.plusSeconds(i % 3)));
      }
      store.insertCommission(ReferralSamples.commission("later", DOCTOR, 100, T0.plusSeconds(60)));
      Commission reviewed = ReferralSamples.commission("reviewed", DOCTOR, 100, T0);
      store.insertCommission(reviewed);
      store.updateCommission(reviewed.withReview(true), 0);
      Commission settled = ReferralSamples.commission("settled", DOCTOR, 100, T0);
      store.insertCommission(settled);
      store.updateCommission(settled.moveTo(CommissionState.AVAILABLE), 0);
      List<Commission> due = Pages.all(p -> store.commissionsDue(T0.plusSeconds(2), p), 4);
      assertThat(due).hasSize(9).isSortedAccordingTo((a, b) -> {
        int c = a.availableAt().compareTo(b.availableAt());
        return c != 0 ? c : a.id().value().compareTo(b.id().value());
      });
      assertThat(due).extracting(c -> c.id().value()).doesNotContain("later", "reviewed", "settled");
    }

    @Test
    @DisplayName("a party's commissions page by id per state, and a payout's commissions by id")
    void byPartyAndPayout() {
      for (int i = 0; i < 7; i++) {
        Commission c = ReferralSamples.commission("c" + i, DOCTOR, 100, T0);
        store.insertCommission(c);
        if (i % 2 == 0) {
          store.updateCommission(c.moveTo(CommissionState.AVAILABLE), 0);
        }
      }
      store.insertCommission(ReferralSamples.commission("other", CLINIC, 100, T0));
      assertThat(Pages.all(p -> store.commissionsOf(DOCTOR, CommissionState.AVAILABLE, p), 2))
          .extracting(c -> c.id().value()).containsExactly("c0", "c2", "c4", "c6");
      assertThat(Pages.all(p -> store.commissionsOf(DOCTOR, CommissionState.PENDING, p), 2))
          .extracting(c -> c.id().value()).containsExactly("c1", "c3", "c5");
      for (String id : List.of("c2", "c6")) {
        Commission c = store.findCommission(CommissionId.of(id)).orElseThrow();
        store.updateCommission(c.withPayout(PayoutId.of("p1")), c.version());
      }
      assertThat(Pages.all(p -> store.commissionsInPayout(PayoutId.of("p1"), p), 1))
          .extracting(c -> c.id().value()).containsExactly("c2", "c6");
      assertThat(Pages.all(p -> store.commissionsInPayout(PayoutId.of("p2"), p), 1)).isEmpty();
    }

    @Test
    @DisplayName("a payout is kept by id and updated only on the expected version")
    void payouts() {
      Payout p = ReferralSamples.payout("p1", DOCTOR, 5_000);
      assertThat(store.insertPayout(p)).isEqualTo(p);
      assertThat(store.insertPayout(p)).isEqualTo(p);
      assertThatThrownBy(() -> store.insertPayout(ReferralSamples.payout("p1", DOCTOR, 5_001)))
          .isInstanceOf(IdempotencyConflictException.class);
      Payout paid = p.settle(PayoutState.PAID, T0.plusSeconds(5));
      store.updatePayout(paid, 0);
      assertThat(store.findPayout(p.id())).contains(paid);
      assertThatThrownBy(() -> store.updatePayout(p.settle(PayoutState.FAILED, T0), 0))
          .isInstanceOf(ConflictException.class);
    }
  }

  @Test
  @DisplayName("every write made in a transaction that fails is rolled back")
  void rollback() {
    TransactionRunner tx = transactionRunner();
    Commission c = ReferralSamples.commission("c1", DOCTOR, 700, T0);
    store.insertCommission(c);
    Referrer r = store.insertReferrer(DOCTOR, ReferrerKind.MEMBER);
    assertThatThrownBy(() -> tx.execute(() -> {
      store.insertReferrer(PATIENT, ReferrerKind.MEMBER);
      store.updateReferrer(r.withKind(ReferrerKind.MEDICAL_STAFF), 0);
      store.addFingerprints(PATIENT, Set.of(new Fingerprint(FingerprintKind.OPENID, "openidDigest1")));
      store.saveBinding(binding(PATIENT, DOCTOR, T0, 1), 0);
      store.insertRuleSet(ReferralSamples.ruleSet("rs", 1, T0, 9000));
      store.insertOrder(ReferralSamples.order("o1", 100));
      store.saveVolume(VolumeCounter.zero(CLINIC, PartyRole.AGENT, YearMonth.of(2026, 11)).plus(5), 0);
      store.insertCommission(ReferralSamples.commission("c2", DOCTOR, 1, T0));
      store.updateCommission(c.moveTo(CommissionState.AVAILABLE), 0);
      store.insertPayout(ReferralSamples.payout("p1", DOCTOR, 1));
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store.findReferrer(PATIENT)).isEmpty();
    assertThat(store.findReferrer(DOCTOR)).contains(r);
    assertThat(store.fingerprintsOf(PATIENT)).isEmpty();
    assertThat(store.currentBinding(PATIENT)).isEmpty();
    assertThat(store.countBindingsSince(DOCTOR, T0.minusSeconds(1))).isZero();
    assertThat(store.latestRuleSet(RuleSetId.of("rs"))).isEmpty();
    assertThat(store.findOrder(OrderId.of("o1"))).isEmpty();
    assertThat(store.findVolume(CLINIC, PartyRole.AGENT, YearMonth.of(2026, 11))).isEmpty();
    assertThat(store.findCommission(CommissionId.of("c2"))).isEmpty();
    assertThat(store.findCommission(c.id())).contains(c);
    assertThat(Pages.all(p -> store.commissionsDue(T0, p), 10)).containsExactly(c);
    assertThat(store.findPayout(PayoutId.of("p1"))).isEmpty();
    Referrer next = store.insertReferrer(PATIENT, ReferrerKind.MEMBER);
    assertThat(next.code()).isNotEqualTo(r.code());
  }
}
