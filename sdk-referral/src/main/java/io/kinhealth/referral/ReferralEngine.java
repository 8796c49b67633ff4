package io.kinhealth.referral;

import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.IntegrityException;
import io.kinhealth.core.error.LimitExceededException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.memory.InMemoryEventBus;
import io.kinhealth.core.memory.InMemoryKeyRing;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.model.Zones;
import io.kinhealth.core.money.LargestRemainder;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.EventPublisher;
import io.kinhealth.core.spi.KeyRing;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.attribution.BindingPolicy;
import io.kinhealth.referral.attribution.ChainLink;
import io.kinhealth.referral.attribution.ReferrerKind;
import io.kinhealth.referral.commission.Commission;
import io.kinhealth.referral.commission.CommissionId;
import io.kinhealth.referral.commission.CommissionPolicy;
import io.kinhealth.referral.commission.CommissionState;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.EntryRequest;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.ledger.Transfer;
import io.kinhealth.referral.memory.InMemoryLedgerStore;
import io.kinhealth.referral.memory.InMemoryReferralStore;
import io.kinhealth.referral.order.AllocationBalance;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRecord;
import io.kinhealth.referral.order.OrderRefund;
import io.kinhealth.referral.order.OrderSettlement;
import io.kinhealth.referral.order.PaidOrder;
import io.kinhealth.referral.order.RefundRecord;
import io.kinhealth.referral.order.RefundSettlement;
import io.kinhealth.referral.order.RefundShare;
import io.kinhealth.referral.order.VolumeCounter;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.rule.GuardPolicy;
import io.kinhealth.referral.rule.PercentShare;
import io.kinhealth.referral.rule.RevenueShareRule;
import io.kinhealth.referral.rule.RevenueShareRuleSet;
import io.kinhealth.referral.rule.RuleValidator;
import io.kinhealth.referral.spi.LedgerStore;
import io.kinhealth.referral.spi.ReferralStore;
import io.kinhealth.referral.split.Allocation;
import io.kinhealth.referral.split.OrderLine;
import io.kinhealth.referral.split.Split;
import io.kinhealth.referral.split.SplitPlan;
import io.kinhealth.referral.split.SplitRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The referral and revenue-share engine: attribution, rule sets, splitting paid orders onto the ledger, refunds,
 * and the commission lifecycle, over a {@link ReferralStore} and a {@link LedgerStore}.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>an order is split by the rule-set version in force when it was paid, exact to the fen by largest remainder;
 *       its allocations, its commissions and its ledger entry are written in one {@link TransactionRunner}
 *       transaction, so they land together or not at all;
 *   <li>a refund is split over what is left of each allocation by the same algorithm, so any sequence of partial
 *       refunds adding up to the order gives every party back exactly its original share;
 *   <li>a refund of a pending commission shrinks its hold; of an available or paid one, takes it back from the
 *       party's earnings, and whatever those cannot cover becomes a booked debt netted against later earnings;
 *   <li>recording the same order or refund id again with an equal command returns the first settlement; with a
 *       different command it throws {@link IdempotencyConflictException};
 *   <li>referral rewards go at most as deep as configured (default 1, never beyond the guard policy's maximum of 2),
 *       and medical staff who referred a customer are never paid for it.
 * </ul>
 *
 * <p>Build once with {@link #builder()}; with no SPIs given it runs on the in-memory defaults. Thread-safe.
 */
public final class ReferralEngine {
  private static final Logger LOG = LoggerFactory.getLogger(ReferralEngine.class);
  /** The reason recorded when a medical-staff referrer's share is withheld. */
  public static final String STAFF_REFERRAL_WITHHELD = "referral.split.staff_referral_fee";

  private final ReferralStore store;
  private final Ledger ledger;
  private final TransactionRunner transactions;
  private final EventPublisher events;
  private final Clock clock;
  private final GuardPolicy guards;
  private final Attribution attribution;
  private final RuleBook rules;
  private final Commissions commissions;
  private final AccountPlan accounts;
  private final CommissionPolicy commissionPolicy;

  private ReferralEngine(Builder b) {
    this.store = b.referralStore != null ? b.referralStore : new InMemoryReferralStore();
    LedgerStore ledgerStore = b.ledgerStore != null ? b.ledgerStore : new InMemoryLedgerStore();
    this.transactions = b.transactions != null ? b.transactions : new InMemoryTransactionRunner();
    this.events = b.events != null ? b.events : new InMemoryEventBus();
    this.clock = b.clock;
    this.guards = b.guards;
    int depth = b.depth > 0 ? b.depth : guards.defaultDepth();
    this.ledger = Ledger.builder().store(ledgerStore).transactions(transactions).clock(clock).build();
    this.attribution = Attribution.builder().store(store).keys(b.keys != null ? b.keys : InMemoryKeyRing.generated())
        .transactions(transactions).events(events).clock(clock).policy(b.binding).depth(depth, guards).build();
    this.rules = new RuleBook(store, transactions, clock, RuleValidator.of(guards, depth), b.currency);
    this.accounts = new AccountPlan(ledger, b.currency, b.platform, b.clearing);
    this.commissionPolicy = b.commissionPolicy;
    this.commissions = new Commissions(store, accounts, transactions, clock, events, commissionPolicy);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Attribution attribution() {
    return attribution;
  }

  public RuleBook rules() {
    return rules;
  }

  public Commissions commissions() {
    return commissions;
  }

  public Ledger ledger() {
    return ledger;
  }

  public GuardPolicy guards() {
    return guards;
  }

  /** The party whose shares go to the platform's revenue account. */
  public PartyId platform() {
    return accounts.platformParty();
  }

  /** The account clearing money between payment and its release to the parties. */
  public AccountId clearingAccount() {
    return accounts.clearing();
  }

  public AccountId platformAccount() {
    return accounts.platform();
  }

  public Optional<OrderRecord> order(OrderId id) {
    return store.findOrder(Check.notNull(id, "id"));
  }

  // --- paid orders -------------------------------------------------------------------------------------------------

  /**
   * Splits a paid order and books it: money in from the provider to clearing, the platform's share posted to its
   * account, every other role's share held for its party as a pending commission.
   *
   * @throws NotFoundException {@code referral.rule.none_in_force} when no version of the rule set was in force
   * @throws ValidationException when the split is impossible (no rule for a category, a missing party...)
   * @throws IdempotencyConflictException when the order id was recorded with another command
   */
  public OrderSettlement recordPaidOrder(PaidOrder order) {
    Check.notNull(order, "order");
    return transactions.inTransaction(() -> {
      Optional<OrderRecord> existing = store.findOrder(order.id());
      if (existing.isPresent()) {
        if (!existing.get().command().equals(order)) {
          throw new IdempotencyConflictException("idempotency.payload_mismatch", "id",
              "order " + order.id() + " was recorded with another command");
        }
        return existing.get().settlement();
      }
      RevenueShareRuleSet ruleSet = rules.inForce(order.ruleSet(), order.paidAt());
      SplitPlan plan = rules.plan(ruleSet);
      YearMonth month = YearMonth.from(order.paidAt().atZone(Zones.CHINA));
      Map<PartyRole, PartyId> parties = new HashMap<>(order.parties());
      parties.put(PartyRole.PLATFORM, accounts.platformParty());
      SplitRequest.Builder request = SplitRequest.builder().lines(order.lines());
      Map<PartyRole, ChainLink> links = new HashMap<>();
      for (ChainLink link : attribution.chainAt(order.customer(), order.paidAt())) {
        PartyRole role = PartyRole.referrer(link.level());
        parties.put(role, link.referrer().party());
        links.put(role, link);
        if (link.referrer().kind() == ReferrerKind.MEDICAL_STAFF && guards.staffReferralFeeBan()) {
          request.withhold(role, STAFF_REFERRAL_WITHHELD);
        }
      }
      request.parties(parties);
      Set<PartyRole> tiered = tieredRoles(ruleSet);
      for (PartyRole role : tiered) {
        PartyId party = parties.get(role);
        if (party != null) {
          store.findVolume(party, role, month)
              .ifPresent(v -> request.volume(role, Money.ofMinor(Math.max(0, v.volume()), ruleSet.currency())));
        }
      }
      Split split = plan.split(request.build());
      List<Allocation> allocations = split.allocations();

      // One commission per paid role other than the platform, in the order roles first appear.
      Map<PartyRole, Long> byRole = new LinkedHashMap<>();
      long platformShare = 0;
      for (Allocation a : allocations) {
        if (a.role().equals(PartyRole.PLATFORM)) {
          platformShare += a.amount().minor();
        } else if (a.party() != null && a.amount().isPositive()) {
          byRole.merge(a.role(), a.amount().minor(), Long::sum);
        }
      }
      Instant now = clock.instant();
      accounts.ensureCore();
      long total = split.total().minor();
      EntryId entryId = EntryId.derive("paid", order.id().value());
      EntryRequest.Builder entry = EntryRequest.builder(entryId).metadata("order", order.id().value())
          .add(Transfer.post(accounts.provider(order.provider()), accounts.clearing(), money(total)));
      if (platformShare > 0) {
        entry.add(Transfer.post(accounts.clearing(), accounts.platform(), money(platformShare)));
      }
      List<Commission> created = new ArrayList<>();
      for (Map.Entry<PartyRole, Long> e : byRole.entrySet()) {
        PartyRole role = e.getKey();
        PartyId party = parties.get(role);
        CommissionId id = CommissionId.of(order.id(), role);
        HoldId hold = Commissions.holdId(id, 1);
        entry.add(Transfer.hold(hold, accounts.clearing(), accounts.earnings(party), money(e.getValue())));
        ChainLink link = links.get(role);
        boolean flagged = link != null && link.binding().isFlagged();
        created.add(new Commission(id, order.id(), party, role, money(e.getValue()), money(0),
            CommissionState.PENDING, order.paidAt(), order.paidAt().plus(commissionPolicy.holdPeriod()), hold, 1,
            link == null ? Set.of() : link.binding().flags(), flagged, null, 0));
      }
      ledger.post(entry.build());
      List<CommissionId> ids = new ArrayList<>(created.size());
      for (Commission c : created) {
        store.insertCommission(c);
        ids.add(c.id());
      }
      addVolumes(tiered, order.lines(), allocations, month, 1);
      OrderSettlement settlement = new OrderSettlement(order.id(), ruleSet.id(), ruleSet.version(), split.total(),
          allocations, ids, money(platformShare), entryId);
      List<AllocationBalance> balances = new ArrayList<>(allocations.size());
      for (Allocation a : allocations) {
        balances.add(new AllocationBalance(a, money(0)));
      }
      store.insertOrder(new OrderRecord(order, settlement, balances, 0));
      LOG.debug("order {} split by {} v{} into {} commissions, entry {}", order.id(), ruleSet.id(),
          ruleSet.version(), created.size(), entryId);
      transactions.afterCommit(() -> {
        events.publish(new ReferralEvent.OrderSettled(order.id(), entryId, now));
        for (Commission c : created) {
          events.publish(new ReferralEvent.CommissionChanged(c.id(), c.party(), null, c.state(), now));
        }
      });
      return settlement;
    });
  }

  // --- refunds -----------------------------------------------------------------------------------------------------

  /**
   * Splits a refund over what is left of the order's allocations and books it: the platform's part back from its
   * account, pending commissions' holds shrunk, available or paid commissions taken back from earnings (any
   * shortfall becoming debt), and the whole refund out to the provider.
   *
   * @throws NotFoundException {@code referral.order.not_found}
   * @throws ValidationException {@code referral.refund.unknown_line}, {@code referral.refund.exceeds_remaining},
   *     {@code money.currency_mismatch}
   * @throws LimitExceededException {@code referral.refund.provider_funds} when the platform holds less than the
   *     refund at the order's provider (as a provider answers NOTENOUGH); nothing is recorded
   * @throws IdempotencyConflictException when the refund id was recorded with another command
   */
  public RefundSettlement recordRefund(OrderRefund refund) {
    Check.notNull(refund, "refund");
    return transactions.inTransaction(() -> {
      Optional<RefundRecord> existing = store.findRefund(refund.id());
      if (existing.isPresent()) {
        if (!existing.get().command().equals(refund)) {
          throw new IdempotencyConflictException("idempotency.payload_mismatch", "id",
              "refund " + refund.id() + " was recorded with another command");
        }
        return existing.get().settlement();
      }
      OrderRecord order = store.findOrder(refund.order()).orElseThrow(() -> new NotFoundException(
          "referral.order.not_found", "order", "no order " + refund.order()));
      List<OrderLine> lines = order.command().lines();
      long[] perLine = refundPerLine(refund, order);
      List<AllocationBalance> balances = order.allocations();
      long[] taken = new long[balances.size()];
      for (int i = 0; i < lines.size(); i++) {
        if (perLine[i] == 0) {
          continue;
        }
        String lineId = lines.get(i).id();
        List<Integer> slots = new ArrayList<>();
        for (int k = 0; k < balances.size(); k++) {
          if (balances.get(k).allocation().lineId().equals(lineId)) {
            slots.add(k);
          }
        }
        long[] weights = new long[slots.size()];
        for (int j = 0; j < weights.length; j++) {
          weights[j] = balances.get(slots.get(j)).remaining().minor();
        }
        long[] parts = LargestRemainder.allocate(perLine[i], weights);
        for (int j = 0; j < parts.length; j++) {
          taken[slots.get(j)] = parts[j];
        }
      }

      Instant now = clock.instant();
      long total = 0;
      long platformPart = 0;
      Map<PartyRole, Long> byRole = new LinkedHashMap<>();
      List<RefundShare> shares = new ArrayList<>();
      List<AllocationBalance> next = new ArrayList<>(balances.size());
      for (int k = 0; k < balances.size(); k++) {
        AllocationBalance b = balances.get(k);
        Allocation a = b.allocation();
        next.add(taken[k] == 0 ? b : new AllocationBalance(a, b.refunded().plus(money(taken[k]))));
        if (taken[k] == 0) {
          continue;
        }
        total += taken[k];
        shares.add(new RefundShare(a.lineId(), a.role(), a.party(), money(taken[k])));
        if (a.role().equals(PartyRole.PLATFORM)) {
          platformPart += taken[k];
        } else {
          byRole.merge(a.role(), taken[k], Long::sum);
        }
      }

      EntryId entryId = EntryId.derive("refund", refund.id().value());
      EntryRequest.Builder entry = EntryRequest.builder(entryId).metadata("order", order.id().value())
          .metadata("refund", refund.id().value());
      if (platformPart > 0) {
        entry.add(Transfer.post(accounts.platform(), accounts.clearing(), money(platformPart)));
      }
      Map<PartyId, Long> spent = new HashMap<>();
      Map<PartyId, Money> debt = new LinkedHashMap<>();
      List<Commission> changed = new ArrayList<>();
      List<Commission> before = new ArrayList<>();
      for (Map.Entry<PartyRole, Long> e : byRole.entrySet()) {
        long r = e.getValue();
        Commission c = store.findCommission(CommissionId.of(order.id(), e.getKey())).orElseThrow(() ->
            new IntegrityException("referral.commission.missing", "order", "a paid role has no commission"));
        long left = c.remaining().minor() - r;
        if (left < 0) {
          throw new IntegrityException("referral.commission.overrefund", "order",
              "refunds exceed commission " + c.id());
        }
        Commission after;
        switch (c.state()) {
          case PENDING -> {
            entry.add(Transfer.voidHold(c.hold()));
            HoldId hold = null;
            if (left > 0) {
              hold = Commissions.holdId(c.id(), c.holdSequence() + 1);
              entry.add(Transfer.hold(hold, accounts.clearing(), accounts.earnings(c.party()), money(left)));
            }
            after = c.refund(money(r), hold);
          }
          case AVAILABLE, PAID -> {
            long owed = commissions.takeBack(entry, c.party(), r, accounts.clearing(), spent);
            if (owed > 0) {
              debt.merge(c.party(), money(owed), Money::plus);
            }
            after = c.refund(money(r), null);
          }
          case FRAUD -> {
            // The platform took the forfeited money, so the platform gives it back.
            entry.add(Transfer.post(accounts.platform(), accounts.clearing(), money(r)));
            after = c.refund(money(r), null);
          }
          default -> throw new IntegrityException("referral.commission.overrefund", "order",
              "a " + c.state() + " commission has nothing left to refund");
        }
        before.add(c);
        changed.add(after);
      }
      AccountId provider = accounts.provider(order.command().provider());
      if (ledger.balance(provider).availableMinor() < total) {
        throw new LimitExceededException("referral.refund.provider_funds", "order",
            "the platform holds less than the refund at provider " + order.command().provider()
                + "; top it up (topUpProvider) and retry");
      }
      entry.add(Transfer.post(accounts.clearing(), provider, money(total)));
      ledger.post(entry.build());
      for (int i = 0; i < changed.size(); i++) {
        Commission c = before.get(i);
        Commission after = changed.get(i);
        store.updateCommission(after, c.version());
        if (after.state() != c.state()) {
          transactions.afterCommit(() -> events.publish(
              new ReferralEvent.CommissionChanged(c.id(), c.party(), c.state(), after.state(), now)));
        }
      }
      store.updateOrder(order.withAllocations(next), order.version());
      RuleSetLookup lookup = new RuleSetLookup(order);
      YearMonth month = YearMonth.from(order.command().paidAt().atZone(Zones.CHINA));
      Map<String, Long> refundedLines = new HashMap<>();
      for (int i = 0; i < lines.size(); i++) {
        if (perLine[i] > 0) {
          refundedLines.put(lines.get(i).id(), perLine[i]);
        }
      }
      subtractVolumes(lookup.tieredRoles(), refundedLines, order.settlement().allocations(), month);
      RefundSettlement settlement = new RefundSettlement(refund.id(), order.id(), money(total), shares, debt,
          entryId);
      store.insertRefund(new RefundRecord(refund, settlement));
      if (!debt.isEmpty()) {
        LOG.info("refund {} of order {} left {} parties owing the platform, netted against later earnings",
            refund.id(), order.id(), debt.size());
      }
      transactions.afterCommit(() -> events.publish(
          new ReferralEvent.OrderRefunded(refund.id(), order.id(), entryId, now)));
      return settlement;
    });
  }

  /**
   * Records that the platform put {@code amount} of its own money at {@code provider} (a top-up, e.g. to fund a
   * refund after the order's money was paid out): the provider account is debited and the platform's account
   * credited. Idempotent by {@code reference}.
   */
  public void topUpProvider(String provider, Money amount, String reference) {
    Check.notNull(amount, "amount");
    Check.positive(amount.minor(), "amount");
    requireCurrency(amount, "amount");
    String ref = io.kinhealth.core.id.TypedId.requireValid(reference, "reference");
    transactions.execute(() -> {
      accounts.ensureCore();
      ledger.post(EntryRequest.builder(EntryId.derive("topup", ref)).metadata("reference", ref)
          .add(Transfer.post(accounts.provider(provider), accounts.platform(), amount)).build());
    });
  }

  /** The amount to refund from each line, checked against what is left of it. */
  private long[] refundPerLine(OrderRefund refund, OrderRecord order) {
    List<OrderLine> lines = order.command().lines();
    long[] remaining = new long[lines.size()];
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      index.put(lines.get(i).id(), i);
    }
    for (AllocationBalance b : order.allocations()) {
      remaining[index.get(b.allocation().lineId())] += b.remaining().minor();
    }
    long[] perLine = new long[lines.size()];
    if (refund.total() != null) {
      requireCurrency(refund.total(), "total");
      long left = 0;
      for (long r : remaining) {
        left += r;
      }
      if (refund.total().minor() > left) {
        throw new ValidationException("total", "referral.refund.exceeds_remaining",
            "the refund is more than what is left of the order");
      }
      perLine = LargestRemainder.allocate(refund.total().minor(), remaining);
    } else {
      for (Map.Entry<String, Money> e : refund.lines().entrySet()) {
        Integer i = index.get(e.getKey());
        if (i == null) {
          throw new ValidationException("lines", "referral.refund.unknown_line", "the order has no such line");
        }
        requireCurrency(e.getValue(), "lines");
        if (e.getValue().minor() > remaining[i]) {
          throw new ValidationException("lines", "referral.refund.exceeds_remaining",
              "the refund is more than what is left of a line");
        }
        perLine[i] = e.getValue().minor();
      }
    }
    return perLine;
  }

  private void requireCurrency(Money m, String field) {
    if (!m.currency().equals(accounts.currency())) {
      throw new ValidationException(field, "money.currency_mismatch", "the amount is in another currency");
    }
  }

  // --- volumes -----------------------------------------------------------------------------------------------------

  private static Set<PartyRole> tieredRoles(RevenueShareRuleSet ruleSet) {
    Set<PartyRole> roles = new HashSet<>();
    for (RevenueShareRule r : ruleSet.rules()) {
      for (PercentShare s : r.shares()) {
        if (!s.tiers().isEmpty()) {
          roles.add(s.role());
        }
      }
    }
    return roles;
  }

  /** The rule set an order was split by, read back for refunds. */
  private final class RuleSetLookup {
    private final OrderRecord order;

    RuleSetLookup(OrderRecord order) {
      this.order = order;
    }

    Set<PartyRole> tieredRoles() {
      return rules.version(order.settlement().ruleSet(), order.settlement().ruleSetVersion())
          .map(ReferralEngine::tieredRoles).orElse(Set.of());
    }
  }

  /** Adds each paid line's amount to the volume of every tiered role's party paid on it. */
  private void addVolumes(Set<PartyRole> tiered, List<OrderLine> lines, List<Allocation> allocations,
      YearMonth month, int sign) {
    if (tiered.isEmpty()) {
      return;
    }
    Map<String, Long> amounts = new HashMap<>();
    for (OrderLine l : lines) {
      amounts.put(l.id(), l.amount().minor());
    }
    changeVolumes(tiered, amounts, allocations, month, sign);
  }

  private void subtractVolumes(Set<PartyRole> tiered, Map<String, Long> refundedLines, List<Allocation> allocations,
      YearMonth month) {
    if (!tiered.isEmpty() && !refundedLines.isEmpty()) {
      changeVolumes(tiered, refundedLines, allocations, month, -1);
    }
  }

  private void changeVolumes(Set<PartyRole> tiered, Map<String, Long> lineAmounts, List<Allocation> allocations,
      YearMonth month, int sign) {
    Map<List<Object>, Long> deltas = new LinkedHashMap<>();
    Set<List<Object>> seen = new HashSet<>();
    for (Allocation a : allocations) {
      Long amount = lineAmounts.get(a.lineId());
      if (amount == null || a.party() == null || !tiered.contains(a.role()) || !a.amount().isPositive()) {
        continue;
      }
      if (seen.add(List.of(a.lineId(), a.role(), a.party()))) {
        deltas.merge(List.of(a.party(), a.role()), sign * amount, Long::sum);
      }
    }
    for (Map.Entry<List<Object>, Long> e : deltas.entrySet()) {
      PartyId party = (PartyId) e.getKey().get(0);
      PartyRole role = (PartyRole) e.getKey().get(1);
      VolumeCounter current = store.findVolume(party, role, month).orElse(VolumeCounter.zero(party, role, month));
      store.saveVolume(current.plus(e.getValue()), current.version());
    }
  }

  private Money money(long minor) {
    return Money.ofMinor(minor, accounts.currency());
  }

  /** Builds a {@link ReferralEngine}; every SPI defaults to its in-memory implementation. */
  public static final class Builder {
    private ReferralStore referralStore;
    private LedgerStore ledgerStore;
    private TransactionRunner transactions;
    private EventPublisher events;
    private KeyRing keys;
    private Clock clock = Clock.systemUTC();
    private GuardPolicy guards = GuardPolicy.bundled();
    private int depth;
    private BindingPolicy binding = BindingPolicy.ofDefaults();
    private CommissionPolicy commissionPolicy = CommissionPolicy.ofDefaults();
    private Currency currency = Money.CNY;
    private PartyId platform = PartyId.of("platform");
    private String clearing = "orders";

    private Builder() {}

    public Builder referralStore(ReferralStore store) {
      this.referralStore = Check.notNull(store, "referralStore");
      return this;
    }

    public Builder ledgerStore(LedgerStore store) {
      this.ledgerStore = Check.notNull(store, "ledgerStore");
      return this;
    }

    public Builder transactions(TransactionRunner transactions) {
      this.transactions = Check.notNull(transactions, "transactions");
      return this;
    }

    public Builder events(EventPublisher events) {
      this.events = Check.notNull(events, "events");
      return this;
    }

    public Builder keys(KeyRing keys) {
      this.keys = Check.notNull(keys, "keys");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Check.notNull(clock, "clock");
      return this;
    }

    /** The compliance guards (default: the bundled reading of Chinese law). */
    public Builder guards(GuardPolicy guards) {
      this.guards = Check.notNull(guards, "guards");
      return this;
    }

    /** How many referral levels are rewarded (default: the guard policy's default, 1; at most its hard maximum). */
    public Builder referralDepth(int depth) {
      this.depth = depth;
      return this;
    }

    public Builder binding(BindingPolicy binding) {
      this.binding = Check.notNull(binding, "binding");
      return this;
    }

    public Builder commissions(CommissionPolicy policy) {
      this.commissionPolicy = Check.notNull(policy, "commissions");
      return this;
    }

    /** The currency the engine books (default CNY); rule sets must be in it. */
    public Builder currency(Currency currency) {
      this.currency = Check.notNull(currency, "currency");
      return this;
    }

    /** The platform's party id (default {@code platform}). */
    public Builder platform(PartyId platform) {
      this.platform = Check.notNull(platform, "platform");
      return this;
    }

    /** The clearing account's name (default {@code orders}). */
    public Builder clearingAccount(String name) {
      this.clearing = Check.notBlank(name, "clearing");
      return this;
    }

    public ReferralEngine build() {
      if (depth != 0) {
        Check.inRange(depth, 1, guards.hardMaxDepth(), "referralDepth");
      }
      AccountId.clearing(clearing); // validates the name
      return new ReferralEngine(this);
    }
  }
}
