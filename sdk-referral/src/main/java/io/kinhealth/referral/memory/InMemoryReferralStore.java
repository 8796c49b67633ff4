package io.kinhealth.referral.memory;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.memory.IdempotencyTable;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
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
import io.kinhealth.referral.spi.ReferralStore;
import io.kinhealth.referral.token.ReferralTokenCodec;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * The embedded default {@link ReferralStore}: everything in memory, not durable.
 *
 * <p>Every write records its undo with {@link InMemoryTransactionRunner#recordUndo}, so a rolled-back transaction
 * leaves no trace; scans and refunds follow the shared {@link IdempotencyTable} rule. Thread-safe (one monitor).
 */
public final class InMemoryReferralStore implements ReferralStore {
  private final Map<PartyId, Referrer> referrers = new HashMap<>();
  private final Map<Long, PartyId> referrerCodes = new HashMap<>();
  private long lastCode;
  private final Map<PartyId, Set<Fingerprint>> fingerprints = new HashMap<>();
  private final Map<PartyId, List<ReferralBinding>> bindings = new HashMap<>();
  private final Map<PartyId, List<Instant>> bindingTimesByReferrer = new HashMap<>();
  private final IdempotencyTable<ScanRecord> scans = new IdempotencyTable<>();
  private final Map<RuleSetId, TreeMap<Integer, RevenueShareRuleSet>> ruleSets = new HashMap<>();
  private final Map<OrderId, OrderRecord> orders = new HashMap<>();
  private final IdempotencyTable<RefundRecord> refunds = new IdempotencyTable<>();
  private final Map<VolumeKey, VolumeCounter> volumes = new HashMap<>();
  private final Map<CommissionId, Commission> commissions = new HashMap<>();
  private final TreeSet<DueKey> due = new TreeSet<>();
  private final Map<PartyId, Map<CommissionState, TreeSet<String>>> byPartyState = new HashMap<>();
  private final Map<PayoutId, TreeSet<String>> byPayout = new HashMap<>();
  private final Map<PayoutId, Payout> payouts = new HashMap<>();

  private record VolumeKey(PartyId party, PartyRole role, YearMonth month) {}

  private record DueKey(Instant at, String id) implements Comparable<DueKey> {
    @Override
    public int compareTo(DueKey o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : id.compareTo(o.id);
    }

    String cursor() {
      return at.getEpochSecond() + "." + at.getNano() + "." + id;
    }

    static DueKey parse(String cursor) {
      String[] p = cursor.split("\\.", 3);
      try {
        return new DueKey(Instant.ofEpochSecond(Long.parseLong(p[0]), Long.parseLong(p[1])), p[2]);
      } catch (RuntimeException e) {
        throw new ValidationException("cursor", "page.cursor", "not a cursor of this store");
      }
    }
  }

  // --- referrers -------------------------------------------------------------------------------------------------

  @Override
  public synchronized Optional<Referrer> findReferrer(PartyId party) {
    return Optional.ofNullable(referrers.get(party));
  }

  @Override
  public synchronized Optional<Referrer> findReferrerByCode(long code) {
    PartyId p = referrerCodes.get(code);
    return p == null ? Optional.empty() : Optional.ofNullable(referrers.get(p));
  }

  @Override
  public synchronized Referrer insertReferrer(PartyId party, ReferrerKind kind) {
    Check.notNull(party, "party");
    Check.notNull(kind, "kind");
    Referrer existing = referrers.get(party);
    if (existing != null) {
      if (existing.kind() != kind) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "kind",
            "the referrer is registered with another kind");
      }
      return existing;
    }
    Check.that(lastCode < ReferralTokenCodec.MAX_REFERRER_CODE, "code", "referral.referrer.codes_exhausted",
        "no referrer codes left");
    long code = ++lastCode;
    Referrer r = new Referrer(party, code, kind, 0);
    referrers.put(party, r);
    referrerCodes.put(code, party);
    undo(() -> {
      referrers.remove(party);
      referrerCodes.remove(code);
      lastCode = code - 1; // codes are handed out under the one lock, so the undone code is the last one
    });
    return r;
  }

  @Override
  public synchronized void updateReferrer(Referrer next, long expectedVersion) {
    Check.notNull(next, "next");
    Referrer current = referrers.get(next.party());
    if (current != null) {
      Check.that(current.code() == next.code(), "code", "referral.referrer.code_changed", "a referrer keeps its code");
    }
    replace(referrers, next.party(), next, Referrer::version, expectedVersion, "referrer");
  }

  // --- fingerprints ----------------------------------------------------------------------------------------------

  @Override
  public synchronized void addFingerprints(PartyId party, Set<Fingerprint> added) {
    Check.notNull(party, "party");
    Check.noNulls(added, "fingerprints");
    Set<Fingerprint> set = fingerprints.computeIfAbsent(party, k -> new LinkedHashSet<>());
    List<Fingerprint> fresh = new ArrayList<>();
    for (Fingerprint f : added) {
      if (set.add(f)) {
        fresh.add(f);
      }
    }
    if (!fresh.isEmpty()) {
      undo(() -> fresh.forEach(set::remove));
    }
  }

  @Override
  public synchronized Set<Fingerprint> fingerprintsOf(PartyId party) {
    return Set.copyOf(fingerprints.getOrDefault(party, Set.of()));
  }

  // --- bindings and scans ----------------------------------------------------------------------------------------

  @Override
  public synchronized Optional<ReferralBinding> currentBinding(PartyId referee) {
    List<ReferralBinding> h = bindings.get(referee);
    return h == null || h.isEmpty() ? Optional.empty() : Optional.of(h.get(h.size() - 1));
  }

  @Override
  public synchronized Optional<ReferralBinding> bindingAt(PartyId referee, Instant at) {
    List<ReferralBinding> h = bindings.getOrDefault(referee, List.of());
    for (int i = h.size() - 1; i >= 0; i--) {
      if (!h.get(i).boundAt().isAfter(at)) {
        return Optional.of(h.get(i));
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void saveBinding(ReferralBinding next, long expectedVersion) {
    Check.notNull(next, "next");
    List<ReferralBinding> h = bindings.computeIfAbsent(next.referee(), k -> new ArrayList<>());
    long stored = h.isEmpty() ? 0 : h.get(h.size() - 1).version();
    requireVersion(stored, expectedVersion, next.version());
    h.add(next);
    List<Instant> times = bindingTimesByReferrer.computeIfAbsent(next.referrer(), k -> new ArrayList<>());
    times.add(next.boundAt());
    undo(() -> {
      h.remove(h.size() - 1);
      times.remove(times.size() - 1);
    });
  }

  @Override
  public synchronized long countBindingsSince(PartyId referrer, Instant since) {
    long n = 0;
    for (Instant t : bindingTimesByReferrer.getOrDefault(referrer, List.of())) {
      if (t.isAfter(since)) {
        n++;
      }
    }
    return n;
  }

  @Override
  public Optional<ScanRecord> findScan(IdempotencyKey key) {
    return scans.find(key);
  }

  @Override
  public ScanRecord insertScan(ScanRecord scan) {
    Check.notNull(scan, "scan");
    return scans.apply(scan.key(), scan.command(), () -> scan);
  }

  // --- rule sets -------------------------------------------------------------------------------------------------

  @Override
  public synchronized RevenueShareRuleSet insertRuleSet(RevenueShareRuleSet ruleSet) {
    Check.notNull(ruleSet, "ruleSet");
    TreeMap<Integer, RevenueShareRuleSet> versions = ruleSets.computeIfAbsent(ruleSet.id(), k -> new TreeMap<>());
    RevenueShareRuleSet existing = versions.get(ruleSet.version());
    if (existing != null) {
      if (!existing.equals(ruleSet)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "ruleSet",
            "version " + ruleSet.version() + " of " + ruleSet.id() + " exists with other rules");
      }
      return existing;
    }
    versions.put(ruleSet.version(), ruleSet);
    undo(() -> versions.remove(ruleSet.version()));
    return ruleSet;
  }

  @Override
  public synchronized Optional<RevenueShareRuleSet> ruleSet(RuleSetId id, int version) {
    return Optional.ofNullable(ruleSets.getOrDefault(id, new TreeMap<>()).get(version));
  }

  @Override
  public synchronized Optional<RevenueShareRuleSet> latestRuleSet(RuleSetId id) {
    TreeMap<Integer, RevenueShareRuleSet> v = ruleSets.get(id);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.lastEntry().getValue());
  }

  @Override
  public synchronized Optional<RevenueShareRuleSet> ruleSetInForce(RuleSetId id, Instant at) {
    RevenueShareRuleSet best = null;
    for (RevenueShareRuleSet s : ruleSets.getOrDefault(id, new TreeMap<>()).values()) {
      if (!s.effectiveFrom().isAfter(at) && (best == null || !s.effectiveFrom().isBefore(best.effectiveFrom()))) {
        best = s;
      }
    }
    return Optional.ofNullable(best);
  }

  // --- orders, refunds, volumes ----------------------------------------------------------------------------------

  @Override
  public synchronized Optional<OrderRecord> findOrder(OrderId id) {
    return Optional.ofNullable(orders.get(id));
  }

  @Override
  public synchronized OrderRecord insertOrder(OrderRecord order) {
    Check.notNull(order, "order");
    OrderRecord existing = orders.get(order.id());
    if (existing != null) {
      if (!existing.command().equals(order.command())) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "order",
            "order " + order.id() + " was recorded with another command");
      }
      return existing;
    }
    Check.that(order.version() == 0, "version", "referral.version_conflict", "a new order has version 0");
    orders.put(order.id(), order);
    undo(() -> orders.remove(order.id()));
    return order;
  }

  @Override
  public synchronized void updateOrder(OrderRecord next, long expectedVersion) {
    Check.notNull(next, "next");
    replace(orders, next.id(), next, OrderRecord::version, expectedVersion, "order");
  }

  @Override
  public Optional<RefundRecord> findRefund(RefundId id) {
    return refunds.find(IdempotencyKey.of(id.value()));
  }

  @Override
  public RefundRecord insertRefund(RefundRecord refund) {
    Check.notNull(refund, "refund");
    return refunds.apply(IdempotencyKey.of(refund.id().value()), refund.command(), () -> refund);
  }

  @Override
  public synchronized Optional<VolumeCounter> findVolume(PartyId party, PartyRole role, YearMonth month) {
    return Optional.ofNullable(volumes.get(new VolumeKey(party, role, month)));
  }

  @Override
  public synchronized void saveVolume(VolumeCounter next, long expectedVersion) {
    Check.notNull(next, "next");
    VolumeKey key = new VolumeKey(next.party(), next.role(), next.month());
    VolumeCounter current = volumes.get(key);
    requireVersion(current == null ? 0 : current.version(), expectedVersion, next.version());
    volumes.put(key, next);
    undo(() -> {
      if (current == null) {
        volumes.remove(key);
      } else {
        volumes.put(key, current);
      }
    });
  }

  // --- commissions -----------------------------------------------------------------------------------------------

  @Override
  public synchronized Optional<Commission> findCommission(CommissionId id) {
    return Optional.ofNullable(commissions.get(id));
  }

  @Override
  public synchronized Commission insertCommission(Commission commission) {
    Check.notNull(commission, "commission");
    Commission existing = commissions.get(commission.id());
    if (existing != null) {
      if (!existing.equals(commission)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "commission",
            "commission " + commission.id() + " exists with other terms");
      }
      return existing;
    }
    Check.that(commission.version() == 0, "version", "referral.version_conflict", "a new commission has version 0");
    commissions.put(commission.id(), commission);
    index(commission);
    undo(() -> {
      commissions.remove(commission.id());
      unindex(commission);
    });
    return commission;
  }

  @Override
  public synchronized void updateCommission(Commission next, long expectedVersion) {
    Check.notNull(next, "next");
    Commission current = commissions.get(next.id());
    requireStored(current, "commission");
    requireVersion(current.version(), expectedVersion, next.version());
    commissions.put(next.id(), next);
    unindex(current);
    index(next);
    undo(() -> {
      commissions.put(current.id(), current);
      unindex(next);
      index(current);
    });
  }

  private void index(Commission c) {
    if (c.state() == CommissionState.PENDING && !c.underReview()) {
      due.add(new DueKey(c.availableAt(), c.id().value()));
    }
    byPartyState.computeIfAbsent(c.party(), k -> new EnumMap<>(CommissionState.class))
        .computeIfAbsent(c.state(), k -> new TreeSet<>()).add(c.id().value());
    if (c.payout() != null) {
      byPayout.computeIfAbsent(c.payout(), k -> new TreeSet<>()).add(c.id().value());
    }
  }

  private void unindex(Commission c) {
    due.remove(new DueKey(c.availableAt(), c.id().value()));
    Map<CommissionState, TreeSet<String>> states = byPartyState.get(c.party());
    if (states != null && states.containsKey(c.state())) {
      states.get(c.state()).remove(c.id().value());
    }
    if (c.payout() != null && byPayout.containsKey(c.payout())) {
      byPayout.get(c.payout()).remove(c.id().value());
    }
  }

  @Override
  public synchronized Page<Commission> commissionsDue(Instant at, PageRequest page) {
    Check.notNull(at, "at");
    Check.notNull(page, "page");
    NavigableSet<DueKey> view = page.cursor() == null ? due : due.tailSet(DueKey.parse(page.cursor()), false);
    List<Commission> out = new ArrayList<>();
    for (DueKey k : view) {
      if (k.at().isAfter(at)) {
        break;
      }
      if (out.size() == page.limit()) {
        return new Page<>(out, new DueKey(out.get(out.size() - 1).availableAt(),
            out.get(out.size() - 1).id().value()).cursor());
      }
      out.add(commissions.get(CommissionId.of(k.id())));
    }
    return Page.last(out);
  }

  @Override
  public synchronized Page<Commission> commissionsOf(PartyId party, CommissionState state, PageRequest page) {
    Check.notNull(state, "state");
    TreeSet<String> ids = byPartyState.getOrDefault(party, Map.of()).getOrDefault(state, new TreeSet<>());
    return pageOf(ids, page);
  }

  @Override
  public synchronized Page<Commission> commissionsInPayout(PayoutId payout, PageRequest page) {
    return pageOf(byPayout.getOrDefault(payout, new TreeSet<>()), page);
  }

  private Page<Commission> pageOf(TreeSet<String> ids, PageRequest page) {
    Check.notNull(page, "page");
    NavigableSet<String> view = page.cursor() == null ? ids : ids.tailSet(page.cursor(), false);
    List<Commission> out = new ArrayList<>();
    for (String id : view) {
      if (out.size() == page.limit()) {
        return new Page<>(out, out.get(out.size() - 1).id().value());
      }
      out.add(commissions.get(CommissionId.of(id)));
    }
    return Page.last(out);
  }

  // --- payouts ---------------------------------------------------------------------------------------------------

  @Override
  public synchronized Optional<Payout> findPayout(PayoutId id) {
    return Optional.ofNullable(payouts.get(id));
  }

  @Override
  public synchronized Payout insertPayout(Payout payout) {
    Check.notNull(payout, "payout");
    return insertOnce(payouts, payout.id(), payout, "payout");
  }

  @Override
  public synchronized void updatePayout(Payout next, long expectedVersion) {
    Check.notNull(next, "next");
    replace(payouts, next.id(), next, Payout::version, expectedVersion, "payout");
  }

  // ---------------------------------------------------------------------------------------------------------------

  /** Replaces a stored value if its version is {@code expected}; the undo puts the old one back. */
  private <K, V> void replace(Map<K, V> map, K key, V next, ToLongFunction<V> version, long expected, String what) {
    V current = map.get(key);
    requireStored(current, what);
    requireVersion(version.applyAsLong(current), expected, version.applyAsLong(next));
    map.put(key, next);
    undo(() -> map.put(key, current));
  }

  private <K, V> V insertOnce(Map<K, V> map, K key, V value, String field) {
    V existing = map.get(key);
    if (existing != null) {
      if (!existing.equals(value)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", field,
            field + " " + key + " exists with other terms");
      }
      return existing;
    }
    map.put(key, value);
    undo(() -> map.remove(key));
    return value;
  }

  private void undo(Runnable action) {
    InMemoryTransactionRunner.recordUndo(() -> {
      synchronized (this) {
        action.run();
      }
    });
  }

  private static void requireStored(Object current, String what) {
    if (current == null) {
      throw new NotFoundException("referral." + what + ".not_found", what, "no such " + what);
    }
  }

  private static void requireVersion(long stored, long expected, long next) {
    if (stored != expected || next != expected + 1) {
      throw new ConflictException("referral.version_conflict", "version",
          "stored version " + stored + ", expected " + expected + ", new " + next);
    }
  }
}
