package io.kinhealth.referral.spi;

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
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRecord;
import io.kinhealth.referral.order.RefundId;
import io.kinhealth.referral.order.RefundRecord;
import io.kinhealth.referral.order.VolumeCounter;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleSetId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;

/**
 * Where referral keeps everything but money: referrers and their codes, bindings and their history, fingerprints,
 * processed scans, rule-set versions, recorded orders and refunds, monthly volumes, commissions and payouts. Money
 * lives in the {@link LedgerStore}. The embedded default is {@code io.kinhealth.referral.memory.InMemoryReferralStore}.
 *
 * <p>The services call these methods inside {@code TransactionRunner} transactions, so an order's records, its
 * commissions and its ledger entry commit together. Contract (checked by {@code ReferralStoreContractKit} in
 * kinhealth-testkit):
 *
 * <ul>
 *   <li>inserts are idempotent by their natural key (noted per method): the same key with an equal value returns
 *       what is stored; with a different value they throw {@code IdempotencyConflictException};
 *   <li>updates and saves are optimistic: they apply only when the stored version equals {@code expectedVersion}
 *       (0 for "not stored yet") and the new value's version is one more, else they throw {@code ConflictException}
 *       (reason {@code referral.version_conflict}) and change nothing;
 *   <li>range reads page in the documented order with an opaque cursor;
 *   <li>a call that fails throws and has no effect.
 * </ul>
 *
 * <p>Each method maps to an indexed read or a single-row write on a relational store. Methods added later will be
 * {@code default} methods.
 */
public interface ReferralStore {

  // --- referrers -------------------------------------------------------------------------------------------------

  Optional<Referrer> findReferrer(PartyId party);

  Optional<Referrer> findReferrerByCode(long code);

  /**
   * Registers a referrer under the next unused code (codes start at 1 and are never reused), with version 0. Keyed by
   * party: an existing referrer of the same kind is returned as it is.
   */
  Referrer insertReferrer(PartyId party, ReferrerKind kind);

  void updateReferrer(Referrer next, long expectedVersion);

  // --- fingerprints ----------------------------------------------------------------------------------------------

  /** Adds fingerprints to a party's set (a union: adding one again changes nothing). */
  void addFingerprints(PartyId party, Set<Fingerprint> fingerprints);

  Set<Fingerprint> fingerprintsOf(PartyId party);

  // --- bindings and scans ----------------------------------------------------------------------------------------

  /** The referee's latest binding. */
  Optional<ReferralBinding> currentBinding(PartyId referee);

  /** The referee's binding in force at {@code at}: the latest one bound at or before it. */
  Optional<ReferralBinding> bindingAt(PartyId referee, Instant at);

  /** Stores a new version of the referee's binding, keeping the earlier ones; {@code expectedVersion} 0 for none. */
  void saveBinding(ReferralBinding next, long expectedVersion);

  /** How many bindings made {@code referrer} the referrer strictly after {@code since}. */
  long countBindingsSince(PartyId referrer, Instant since);

  Optional<ScanRecord> findScan(IdempotencyKey key);

  /** Keyed by the scan's key, compared by its command. */
  ScanRecord insertScan(ScanRecord scan);

  // --- rule sets -------------------------------------------------------------------------------------------------

  /** Keyed by id and version. */
  RevenueShareRuleSet insertRuleSet(RevenueShareRuleSet ruleSet);

  Optional<RevenueShareRuleSet> ruleSet(RuleSetId id, int version);

  Optional<RevenueShareRuleSet> latestRuleSet(RuleSetId id);

  /** The version in force at {@code at}: the latest effective at or before it (the highest version on a tie). */
  Optional<RevenueShareRuleSet> ruleSetInForce(RuleSetId id, Instant at);

  // --- orders, refunds, volumes ----------------------------------------------------------------------------------

  Optional<OrderRecord> findOrder(OrderId id);

  /** Keyed by order id, compared by its command. */
  OrderRecord insertOrder(OrderRecord order);

  void updateOrder(OrderRecord next, long expectedVersion);

  Optional<RefundRecord> findRefund(RefundId id);

  /** Keyed by refund id, compared by its command. */
  RefundRecord insertRefund(RefundRecord refund);

  Optional<VolumeCounter> findVolume(PartyId party, PartyRole role, YearMonth month);

  /** Stores a volume counter; {@code expectedVersion} 0 when none is stored yet. */
  void saveVolume(VolumeCounter next, long expectedVersion);

  // --- commissions -----------------------------------------------------------------------------------------------

  Optional<Commission> findCommission(CommissionId id);

  /** Keyed by commission id. */
  Commission insertCommission(Commission commission);

  void updateCommission(Commission next, long expectedVersion);

  /** Pending commissions not under review that become available at or before {@code at}, by that time then id. */
  Page<Commission> commissionsDue(Instant at, PageRequest page);

  /** A party's commissions in {@code state}, by id. */
  Page<Commission> commissionsOf(PartyId party, CommissionState state, PageRequest page);

  /** The commissions included in a payout, by id. */
  Page<Commission> commissionsInPayout(PayoutId payout, PageRequest page);

  // --- payouts ---------------------------------------------------------------------------------------------------

  Optional<Payout> findPayout(PayoutId id);

  /** Keyed by payout id. */
  Payout insertPayout(Payout payout);

  void updatePayout(Payout next, long expectedVersion);
}
