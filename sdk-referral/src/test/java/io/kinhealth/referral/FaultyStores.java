package io.kinhealth.referral;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.referral.attribution.Fingerprint;
import io.kinhealth.referral.attribution.ReferralBinding;
import io.kinhealth.referral.attribution.Referrer;
import io.kinhealth.referral.attribution.ReferrerKind;
import io.kinhealth.referral.attribution.ScanRecord;
import io.kinhealth.referral.commission.Commission;
import io.kinhealth.referral.commission.CommissionId;
import io.kinhealth.referral.commission.CommissionState;
import io.kinhealth.referral.commission.Payout;
import io.kinhealth.referral.commission.PayoutId;
import io.kinhealth.referral.ledger.AccountBalance;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.AccountLine;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.Hold;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.ledger.JournalEntry;
import io.kinhealth.referral.ledger.LedgerAccount;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRecord;
import io.kinhealth.referral.order.RefundId;
import io.kinhealth.referral.order.RefundRecord;
import io.kinhealth.referral.order.VolumeCounter;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.spi.LedgerStore;
import io.kinhealth.referral.spi.ReferralStore;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;

/** Store decorators that count every write and throw on the k-th one, before it reaches the real store. */
final class FaultyStores {
  private FaultyStores() {}

  /** The fault a store throws. */
  static final class InjectedFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFault(int write) {
      super("injected fault on write " + write);
    }
  }

  /** Counts writes across both stores; fails the {@code failAt}-th (1-based) once, or never when 0. */
  static final class Faults {
    int writes;
    int failAt;
    boolean fired;

    void write() {
      writes++;
      if (writes == failAt && !fired) {
        fired = true;
        throw new InjectedFault(writes);
      }
    }
  }

  static final class Ledger implements LedgerStore {
    private final LedgerStore d;
    private final Faults f;

    Ledger(LedgerStore delegate, Faults faults) {
      this.d = delegate;
      this.f = faults;
    }

    @Override
    public LedgerAccount createAccount(LedgerAccount account) {
      f.write();
      return d.createAccount(account);
    }

    @Override
    public Optional<LedgerAccount> findAccount(AccountId id) {
      return d.findAccount(id);
    }

    @Override
    public Optional<AccountBalance> findBalance(AccountId id) {
      return d.findBalance(id);
    }

    @Override
    public void updateBalance(AccountBalance next, long expectedVersion) {
      f.write();
      d.updateBalance(next, expectedVersion);
    }

    @Override
    public Optional<JournalEntry> findEntry(EntryId id) {
      return d.findEntry(id);
    }

    @Override
    public JournalEntry insertEntry(JournalEntry entry) {
      f.write();
      return d.insertEntry(entry);
    }

    @Override
    public Optional<Hold> findHold(HoldId id) {
      return d.findHold(id);
    }

    @Override
    public void insertHold(Hold hold) {
      f.write();
      d.insertHold(hold);
    }

    @Override
    public void updateHold(Hold next, long expectedVersion) {
      f.write();
      d.updateHold(next, expectedVersion);
    }

    @Override
    public Page<Hold> pendingHoldsExpiringBy(Instant at, PageRequest page) {
      return d.pendingHoldsExpiringBy(at, page);
    }

    @Override
    public void insertLine(AccountLine line) {
      f.write();
      d.insertLine(line);
    }

    @Override
    public Page<AccountLine> lines(AccountId account, Instant from, Instant to, PageRequest page) {
      return d.lines(account, from, to, page);
    }

    @Override
    public Optional<AccountLine> lastLineBefore(AccountId account, Instant at) {
      return d.lastLineBefore(account, at);
    }

    @Override
    public Page<AccountBalance> balances(PageRequest page) {
      return d.balances(page);
    }
  }

  static final class Referral implements ReferralStore {
    private final ReferralStore d;
    private final Faults f;

    Referral(ReferralStore delegate, Faults faults) {
      this.d = delegate;
      this.f = faults;
    }

    @Override
    public Optional<Referrer> findReferrer(PartyId party) {
      return d.findReferrer(party);
    }

    @Override
    public Optional<Referrer> findReferrerByCode(long code) {
      return d.findReferrerByCode(code);
    }

    @Override
    public Referrer insertReferrer(PartyId party, ReferrerKind kind) {
      f.write();
      return d.insertReferrer(party, kind);
    }

    @Override
    public void updateReferrer(Referrer next, long expectedVersion) {
      f.write();
      d.updateReferrer(next, expectedVersion);
    }

    @Override
    public void addFingerprints(PartyId party, Set<Fingerprint> fingerprints) {
      f.write();
      d.addFingerprints(party, fingerprints);
    }

    @Override
    public Set<Fingerprint> fingerprintsOf(PartyId party) {
      return d.fingerprintsOf(party);
    }

    @Override
    public Optional<ReferralBinding> currentBinding(PartyId referee) {
      return d.currentBinding(referee);
    }

    @Override
    public Optional<ReferralBinding> bindingAt(PartyId referee, Instant at) {
      return d.bindingAt(referee, at);
    }

    @Override
    public void saveBinding(ReferralBinding next, long expectedVersion) {
      f.write();
      d.saveBinding(next, expectedVersion);
    }

    @Override
    public long countBindingsSince(PartyId referrer, Instant since) {
      return d.countBindingsSince(referrer, since);
    }

    @Override
    public Optional<ScanRecord> findScan(IdempotencyKey key) {
      return d.findScan(key);
    }

    @Override
    public ScanRecord insertScan(ScanRecord scan) {
      f.write();
      return d.insertScan(scan);
    }

    @Override
    public RevenueShareRuleSet insertRuleSet(RevenueShareRuleSet ruleSet) {
      f.write();
      return d.insertRuleSet(ruleSet);
    }

    @Override
    public Optional<RevenueShareRuleSet> ruleSet(RuleSetId id, int version) {
      return d.ruleSet(id, version);
    }

    @Override
    public Optional<RevenueShareRuleSet> latestRuleSet(RuleSetId id) {
      return d.latestRuleSet(id);
    }

    @Override
    public Optional<RevenueShareRuleSet> ruleSetInForce(RuleSetId id, Instant at) {
      return d.ruleSetInForce(id, at);
    }

    @Override
    public Optional<OrderRecord> findOrder(OrderId id) {
      return d.findOrder(id);
    }

    @Override
    public OrderRecord insertOrder(OrderRecord order) {
      f.write();
      return d.insertOrder(order);
    }

    @Override
    public void updateOrder(OrderRecord next, long expectedVersion) {
      f.write();
      d.updateOrder(next, expectedVersion);
    }

    @Override
    public Optional<RefundRecord> findRefund(RefundId id) {
      return d.findRefund(id);
    }

    @Override
    public RefundRecord insertRefund(RefundRecord refund) {
      f.write();
      return d.insertRefund(refund);
    }

    @Override
    public Optional<VolumeCounter> findVolume(PartyId party, PartyRole role, YearMonth month) {
      return d.findVolume(party, role, month);
    }

    @Override
    public void saveVolume(VolumeCounter next, long expectedVersion) {
      f.write();
      d.saveVolume(next, expectedVersion);
    }

    @Override
    public Optional<Commission> findCommission(CommissionId id) {
      return d.findCommission(id);
    }

    @Override
    public Commission insertCommission(Commission commission) {
      f.write();
      return d.insertCommission(commission);
    }

    @Override
    public void updateCommission(Commission next, long expectedVersion) {
      f.write();
      d.updateCommission(next, expectedVersion);
    }

    @Override
    public Page<Commission> commissionsDue(Instant at, PageRequest page) {
      return d.commissionsDue(at, page);
    }

    @Override
    public Page<Commission> commissionsOf(PartyId party, CommissionState state, PageRequest page) {
      return d.commissionsOf(party, state, page);
    }

    @Override
    public Page<Commission> commissionsInPayout(PayoutId payout, PageRequest page) {
      return d.commissionsInPayout(payout, page);
    }

    @Override
    public Optional<Payout> findPayout(PayoutId id) {
      return d.findPayout(id);
    }

    @Override
    public Payout insertPayout(Payout payout) {
      f.write();
      return d.insertPayout(payout);
    }

    @Override
    public void updatePayout(Payout next, long expectedVersion) {
      f.write();
      d.updatePayout(next, expectedVersion);
    }
  }
}
