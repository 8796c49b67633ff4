package io.kinhealth.referral;

import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.IntegrityException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.LimitExceededException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.EventPublisher;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.commission.Commission;
import io.kinhealth.referral.commission.CommissionId;
import io.kinhealth.referral.commission.CommissionState;
import io.kinhealth.referral.commission.PayoutId;
import io.kinhealth.referral.internal.DerivedIds;
import io.kinhealth.referral.ledger.AccountBalance;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.EntryRequest;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.ledger.Transfer;
import io.kinhealth.referral.memory.InMemoryPaymentGateway;
import io.kinhealth.referral.memory.InMemoryPaymentStore;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRecord;
import io.kinhealth.referral.order.RefundId;
import io.kinhealth.referral.order.RefundRecord;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.payment.Backoff;
import io.kinhealth.referral.payment.DailyWithdrawals;
import io.kinhealth.referral.payment.LedgerRecovery;
import io.kinhealth.referral.payment.NotificationCheck;
import io.kinhealth.referral.payment.NotificationOutcome;
import io.kinhealth.referral.payment.PaymentInstruction;
import io.kinhealth.referral.payment.PaymentKind;
import io.kinhealth.referral.payment.PaymentRequest;
import io.kinhealth.referral.payment.PaymentResult;
import io.kinhealth.referral.payment.PaymentStatus;
import io.kinhealth.referral.payment.PayoutDestination;
import io.kinhealth.referral.payment.PlannedReceiver;
import io.kinhealth.referral.payment.ProviderPlanner;
import io.kinhealth.referral.payment.ProviderProfile;
import io.kinhealth.referral.payment.ProviderProfiles;
import io.kinhealth.referral.payment.ProviderSplitPlan;
import io.kinhealth.referral.payment.RawNotification;
import io.kinhealth.referral.payment.ReceiverAccount;
import io.kinhealth.referral.payment.ReceiverOutcome;
import io.kinhealth.referral.payment.ReceiverType;
import io.kinhealth.referral.payment.RequestKey;
import io.kinhealth.referral.payment.ReturnInstruction;
import io.kinhealth.referral.payment.ReturnOutcome;
import io.kinhealth.referral.payment.SplitCandidate;
import io.kinhealth.referral.payment.SplitInstruction;
import io.kinhealth.referral.payment.SplitOutcome;
import io.kinhealth.referral.payment.SplitReceiver;
import io.kinhealth.referral.payment.StatementReport;
import io.kinhealth.referral.payment.TransferInstruction;
import io.kinhealth.referral.payment.UnfreezeInstruction;
import io.kinhealth.referral.payment.Withdrawal;
import io.kinhealth.referral.payment.WithdrawalCommand;
import io.kinhealth.referral.payment.WithdrawalId;
import io.kinhealth.referral.payment.WithdrawalPolicy;
import io.kinhealth.referral.payment.WithdrawalState;
import io.kinhealth.referral.spi.PaymentGateway;
import io.kinhealth.referral.spi.PaymentStore;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paying people out through payment providers, on the {@link ReferralEngine}'s books: profit-sharing splits planned
 * within each provider's limits, releasing unsplit funds, returning splits after a refund, withdrawals with an audit,
 * provider notifications and a {@link Reconciler} for answers that never came.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>every request to a provider is recorded, with its ledger effect held, before it is sent (write-ahead) and is
 *       sent only after that commits; its key is derived from the ledger reference, so a resend is the same request
 *       and the provider can never split or pay twice;
 *   <li>no new request is made for an order's splits while one of them is UNKNOWN or PENDING
 *       ({@code referral.payment.in_flight}), nor for a refund's returns while one of them is;
 *   <li>a timeout or a gateway fault leaves a request UNKNOWN, never FAILED; each request's money moves on the ledger
 *       exactly once, when the provider's first final answer for it (or for one split receiver) arrives — from the
 *       send, a notification in any order and number, or the reconciler;
 *   <li>a split pays a receiver out of its wallet on the ledger (a hold from its earnings to the provider, posted on
 *       success, voided on failure); whatever the provider cannot carry (no receiver account, the ratio cap) stays in
 *       the wallet to be withdrawn;
 *   <li>a refund after a split is booked first (by {@link ReferralEngine#recordRefund}) as a debt where the party's
 *       wallet cannot cover it; {@link #returnsFor} then recovers what the provider allows, and whatever it cannot
 *       (a personal receiver, past the window, a failed return) stays a recorded debt, never a lost fen.
 * </ul>
 *
 * <p>Build once with {@link #builder()} over an engine; with no provider given it serves WeChat Pay through the
 * in-memory gateway. Thread-safe.
 */
public final class Payouts {
  private static final Logger LOG = LoggerFactory.getLogger(Payouts.class);
  private static final String AUTO_REVIEWER = "auto-threshold";

  private final ReferralEngine engine;
  private final PaymentStore store;
  private final Map<String, ProviderProfile> profiles;
  private final Map<String, PaymentGateway> gateways;
  private final WithdrawalPolicy withdrawalPolicy;
  private final Backoff backoff;
  private final TransactionRunner transactions;
  private final AccountPlan accounts;
  private final Commissions commissions;
  private final EventPublisher events;
  private final Clock clock;
  private final Reconciler reconciler;

  private Payouts(Builder b) {
    this.engine = b.engine;
    this.store = b.store != null ? b.store : new InMemoryPaymentStore();
    this.clock = engine.clock();
    if (b.profiles.isEmpty()) {
      ProviderProfile wechat = ProviderProfiles.wechatPay();
      b.profiles.put(wechat.provider(), wechat);
      b.gateways.put(wechat.provider(), InMemoryPaymentGateway.builder(wechat).clock(clock).build());
    }
    this.profiles = Collections.unmodifiableMap(new LinkedHashMap<>(b.profiles));
    this.gateways = Collections.unmodifiableMap(new LinkedHashMap<>(b.gateways));
    this.withdrawalPolicy = b.withdrawalPolicy;
    this.backoff = b.backoff;
    this.transactions = engine.transactions();
    this.accounts = engine.accounts();
    this.commissions = engine.commissions();
    this.events = engine.events();
    this.reconciler = new Reconciler(this);
  }

  public static Builder builder() {
    return new Builder();
  }

  public ReferralEngine engine() {
    return engine;
  }

  public Reconciler reconciler() {
    return reconciler;
  }

  public WithdrawalPolicy withdrawalPolicy() {
    return withdrawalPolicy;
  }

  public Backoff backoff() {
    return backoff;
  }

  /** The profile of a configured provider. */
  public ProviderProfile profile(String provider) {
    ProviderProfile p = profiles.get(Check.notNull(provider, "provider"));
    if (p == null) {
      throw new ValidationException("provider", "referral.provider.unknown", "no profile for provider " + provider);
    }
    return p;
  }

  PaymentGateway gateway(String provider) {
    PaymentGateway g = gateways.get(provider);
    if (g == null) {
      throw new ValidationException("provider", "referral.provider.unknown", "no gateway for provider " + provider);
    }
    return g;
  }

  PaymentStore store() {
    return store;
  }

  Clock clock() {
    return clock;
  }

  public Optional<PaymentRequest> request(RequestKey key) {
    return store.findRequest(Check.notNull(key, "key"));
  }

  /** Every request made for an order (splits, unfreezes, returns), by request time. */
  public List<PaymentRequest> requestsOf(OrderId order) {
    Check.notNull(order, "order");
    List<PaymentRequest> out = new ArrayList<>();
    PageRequest page = PageRequest.first(200);
    while (true) {
      Page<PaymentRequest> p = store.requestsOfOrder(order, page);
      out.addAll(p.items());
      if (!p.hasNext()) {
        return out;
      }
      page = page.next(p);
    }
  }

  // --- receivers -----------------------------------------------------------------------------------------------

  /** Registers (or changes) where a party receives money at a provider; registering it unchanged returns it. */
  public ReceiverAccount registerReceiver(ReceiverAccount account) {
    Check.notNull(account, "account");
    profile(account.provider());
    return transactions.inTransaction(() -> {
      Optional<ReceiverAccount> current = store.findReceiver(account.party(), account.provider());
      if (current.isPresent() && current.get().type() == account.type()
          && current.get().account().equals(account.account())) {
        return current.get();
      }
      long version = current.map(ReceiverAccount::version).orElse(0L);
      ReceiverAccount next = new ReceiverAccount(account.party(), account.provider(), account.type(),
          account.account(), version + 1);
      store.saveReceiver(next, version);
      return next;
    });
  }

  public Optional<ReceiverAccount> receiver(PartyId party, String provider) {
    return store.findReceiver(Check.notNull(party, "party"), Check.notNull(provider, "provider"));
  }

  // --- splits --------------------------------------------------------------------------------------------------

  /**
   * Plans the order's next split at its provider without sending anything: what each party would receive through
   * the provider and what would stay in its wallet, and why.
   *
   * @throws LimitExceededException naming the provider limit an order's split would break
   */
  public ProviderSplitPlan planSplit(OrderId order) {
    Check.notNull(order, "order");
    return transactions.inTransaction(() -> {
      OrderRecord record = orderRecord(order);
      return plan(record, profile(record.command().provider()), requestsOf(order));
    });
  }

  /**
   * Splits what the order owes its parties through its provider: plans it ({@link #planSplit}), records each
   * request with its receivers' money held, sends them, and applies the answers. Only commissions already available
   * (past their hold period) are split; a later call splits what matured since.
   *
   * @param transaction the provider's id of the customer's payment (WeChat {@code transaction_id})
   * @throws InvalidStateException {@code referral.payment.in_flight} while an earlier split or unfreeze of the order
   *     is UNKNOWN or PENDING; {@code referral.split.unfrozen} once the order's funds were released
   * @throws LimitExceededException naming the provider limit the split would break
   */
  public SplitOutcome split(OrderId order, String transaction) {
    Check.notNull(order, "order");
    String tx = TypedId.requireValid(transaction, "transaction");
    ProviderSplitPlan[] plan = new ProviderSplitPlan[1];
    List<RequestKey> keys = transactions.inTransaction(() -> {
      OrderRecord record = orderRecord(order);
      ProviderProfile profile = profile(record.command().provider());
      List<PaymentRequest> existing = requestsOf(order);
      requireNoneInFlight(existing, PaymentKind.SPLIT, PaymentKind.UNFREEZE, null);
      if (isUnfrozen(existing)) {
        throw new InvalidStateException("referral.split.unfrozen", "order",
            "order " + order + "'s unsplit funds were released; it can no longer be split");
      }
      plan[0] = plan(record, profile, existing);
      Instant now = clock.instant();
      List<RequestKey> made = new ArrayList<>();
      for (int j = 0; j < plan[0].requests(); j++) {
        String ref = "split:" + order.value() + ":" + (plan[0].requestsBefore() + j + 1);
        RequestKey key = profile.keys(PaymentKind.SPLIT).derive(PaymentKind.SPLIT, ref);
        List<SplitReceiver> receivers = new ArrayList<>();
        EntryRequest.Builder entry = EntryRequest.builder(EntryId.derive("split", ref))
            .metadata("order", order.value()).metadata("key", key.value());
        for (PlannedReceiver r : plan[0].request(j)) {
          int i = receivers.size();
          receivers.add(new SplitReceiver(r.party(), r.account().type(), r.account().account(), r.viaProvider(),
              "share of order " + order.value()));
          entry.add(Transfer.hold(splitHold(ref, i), accounts.earnings(r.party()),
              accounts.provider(profile.provider()), r.viaProvider()));
        }
        SplitInstruction instruction = new SplitInstruction(key, profile.provider(), order, tx, receivers);
        accounts.ledger().post(entry.build());
        writeAhead(PaymentRequest.unsent(instruction, ref, order, null, now, now.plus(backoff.delayAfter(0))));
        made.add(key);
      }
      return made;
    });
    return new SplitOutcome(plan[0], reread(keys));
  }

  /**
   * Releases (解冻) what was not split of the order back to the merchant; after it succeeds the order cannot be split
   * again. Releasing it again returns the request that did it.
   *
   * @throws InvalidStateException {@code referral.payment.in_flight} while a split or unfreeze of the order is
   *     UNKNOWN or PENDING
   */
  public PaymentRequest unfreeze(OrderId order, String transaction) {
    Check.notNull(order, "order");
    String tx = TypedId.requireValid(transaction, "transaction");
    RequestKey key = transactions.inTransaction(() -> {
      OrderRecord record = orderRecord(order);
      ProviderProfile profile = profile(record.command().provider());
      List<PaymentRequest> existing = requestsOf(order);
      requireNoneInFlight(existing, PaymentKind.SPLIT, PaymentKind.UNFREEZE, null);
      int attempts = 0;
      for (PaymentRequest r : existing) {
        if (r.kind() == PaymentKind.UNFREEZE) {
          if (r.status() == PaymentStatus.SUCCEEDED) {
            return r.key();
          }
          attempts++;
        }
      }
      String ref = "unfreeze:" + order.value() + ":" + (attempts + 1);
      RequestKey k = profile.keys(PaymentKind.UNFREEZE).derive(PaymentKind.UNFREEZE, ref);
      Instant now = clock.instant();
      writeAhead(PaymentRequest.unsent(new UnfreezeInstruction(k, profile.provider(), order, tx,
          accounts.currency(), "release of order " + order.value()), ref, order, null, now,
          now.plus(backoff.delayAfter(0))));
      return k;
    });
    return reread(List.of(key)).get(0);
  }

  private ProviderSplitPlan plan(OrderRecord record, ProviderProfile profile, List<PaymentRequest> existing) {
    OrderId order = record.id();
    long splitBefore = 0;
    int requestsBefore = 0;
    Map<PartyId, Long> splitSoFar = new LinkedHashMap<>();
    for (PaymentRequest r : existing) {
      if (r.instruction() instanceof SplitInstruction s) {
        requestsBefore++;
        for (int i = 0; i < s.receivers().size(); i++) {
          if (r.receivers().get(i) != PaymentStatus.FAILED) {
            long amount = s.receivers().get(i).amount().minor();
            splitSoFar.merge(s.receivers().get(i).party(), amount, Long::sum);
            splitBefore += amount;
          }
        }
      }
    }
    Map<PartyId, Long> owed = new LinkedHashMap<>();
    for (CommissionId id : record.settlement().commissions()) {
      Commission c = engine.store().findCommission(id).orElse(null);
      if (c != null && c.state() == CommissionState.AVAILABLE && c.payout() == null) {
        owed.merge(c.party(), c.remaining().minor(), Long::sum);
      }
    }
    List<SplitCandidate> candidates = new ArrayList<>();
    for (Map.Entry<PartyId, Long> e : owed.entrySet()) {
      PartyId party = e.getKey();
      long left = e.getValue() - splitSoFar.getOrDefault(party, 0L);
      if (left <= 0) {
        continue;
      }
      ReceiverAccount account = store.findReceiver(party, profile.provider()).orElse(null);
      long wallet = accounts.balanceOf(AccountId.earnings(party)).availableMinor();
      candidates.add(new SplitCandidate(party, account, left, wallet));
    }
    return ProviderPlanner.plan(profile, order, record.settlement().total(), record.command().paidAt(),
        clock.instant(), splitBefore, requestsBefore, candidates);
  }

  private static boolean isUnfrozen(List<PaymentRequest> requests) {
    for (PaymentRequest r : requests) {
      if (r.kind() == PaymentKind.UNFREEZE && r.status() == PaymentStatus.SUCCEEDED) {
        return true;
      }
    }
    return false;
  }

  static HoldId splitHold(String ref, int receiver) {
    return HoldId.derive("sh", ref, Integer.toString(receiver));
  }

  // --- returns ---------------------------------------------------------------------------------------------------

  /**
   * Recovers a booked refund's debts from the split receivers who were paid through the provider: for each party the
   * refund left owing, returns (回退) what the provider allows from the order's succeeded splits to it, and lists
   * what stays a debt on the ledger. Call it again after a return fails or a split settles to recover more; what
   * was already returned or is being returned is never asked for twice.
   *
   * @throws InvalidStateException {@code referral.payment.in_flight} while a return of this refund is UNKNOWN or
   *     PENDING
   */
  public ReturnOutcome returnsFor(RefundId refund) {
    Check.notNull(refund, "refund");
    List<LedgerRecovery> onLedger = new ArrayList<>();
    List<RequestKey> keys = transactions.inTransaction(() -> {
      RefundRecord record = engine.store().findRefund(refund).orElseThrow(() -> new NotFoundException(
          "referral.refund.not_found", "refund", "no refund " + refund));
      OrderRecord order = orderRecord(record.settlement().order());
      ProviderProfile profile = profile(order.command().provider());
      List<PaymentRequest> existing = requestsOf(order.id());
      requireNoneInFlight(existing, PaymentKind.RETURN, null, refund.value());
      Instant now = clock.instant();
      List<RequestKey> made = new ArrayList<>();
      for (Map.Entry<PartyId, Money> debt : record.settlement().debt().entrySet()) {
        PartyId party = debt.getKey();
        long want = debt.getValue().minor() - returned(existing, party, refund.value(), null);
        String reason = "referral.return.not_split";
        for (PaymentRequest split : List.copyOf(existing)) {
          if (want <= 0) {
            break;
          }
          long paid = split.kind() == PaymentKind.SPLIT ? split.splitToMinor(party, true) : 0;
          if (paid == 0) {
            continue;
          }
          SplitInstruction s = (SplitInstruction) split.instruction();
          SplitReceiver receiver = receiverOf(s, party);
          if (receiver.type() == ReceiverType.PERSONAL && !profile.returnsFromPersonal()) {
            reason = "referral.return.personal_receiver";
            continue;
          }
          if (split.settledAt() == null || now.isAfter(split.settledAt().plus(profile.returnWindow()))) {
            reason = "referral.return.window_closed";
            continue;
          }
          if (returnsOfSplit(existing, split.key()) >= profile.maxReturnsPerSplit()) {
            reason = "referral.return.limit";
            continue;
          }
          long returnable = paid - returned(existing, party, null, split.key());
          long r = Math.min(want, returnable);
          if (r <= 0) {
            continue;
          }
          int attempt = 1;
          for (PaymentRequest x : existing) {
            if (x.kind() == PaymentKind.RETURN && refund.value().equals(x.anchor()) && party.equals(x.party())
                && ((ReturnInstruction) x.instruction()).split().equals(split.key())) {
              attempt++;
            }
          }
          String ref = "return:" + refund.value() + ":" + party.value() + ":" + split.key().value() + ":" + attempt;
          RequestKey key = profile.keys(PaymentKind.RETURN).derive(PaymentKind.RETURN, ref);
          ReturnInstruction instruction = new ReturnInstruction(key, profile.provider(), order.id(), split.key(),
              s.transaction(), party, receiver.type(), receiver.account(), money(r), "refund " + refund.value());
          PaymentRequest request = writeAhead(PaymentRequest.unsent(instruction, ref, order.id(), refund.value(),
              now, now.plus(backoff.delayAfter(0))));
          existing.add(request);
          made.add(key);
          want -= r;
        }
        if (want > 0) {
          onLedger.add(new LedgerRecovery(party, money(want), reason));
        }
      }
      return made;
    });
    return new ReturnOutcome(refund, reread(keys), onLedger);
  }

  private static SplitReceiver receiverOf(SplitInstruction s, PartyId party) {
    for (SplitReceiver r : s.receivers()) {
      if (r.party().equals(party)) {
        return r;
      }
    }
    throw new IllegalStateException("no receiver for the party");
  }

  /** What returns not failed took back from {@code party}, for one refund or from one split (null: any). */
  private static long returned(List<PaymentRequest> requests, PartyId party, String refund, RequestKey split) {
    long sum = 0;
    for (PaymentRequest r : requests) {
      if (r.kind() == PaymentKind.RETURN && r.status() != PaymentStatus.FAILED && party.equals(r.party())
          && (refund == null || refund.equals(r.anchor()))
          && (split == null || ((ReturnInstruction) r.instruction()).split().equals(split))) {
        sum += r.instruction().amount().minor();
      }
    }
    return sum;
  }

  private static int returnsOfSplit(List<PaymentRequest> requests, RequestKey split) {
    int n = 0;
    for (PaymentRequest r : requests) {
      if (r.kind() == PaymentKind.RETURN && ((ReturnInstruction) r.instruction()).split().equals(split)) {
        n++;
      }
    }
    return n;
  }

  // --- withdrawals ---------------------------------------------------------------------------------------------

  /**
   * Requests a withdrawal: checks the policy and the provider's smallest transfer, and holds the amount (fee
   * included) on the ledger until it is approved and paid, or rejected or failed. Requesting the same id again with
   * an equal command returns the withdrawal.
   *
   * @throws InvalidStateException {@code referral.payout.debt_open} while the party owes the platform
   * @throws LimitExceededException {@code referral.withdrawal.below_minimum}, {@code referral.withdrawal.daily_cap},
   *     {@code referral.provider.minimum_transfer}, {@code referral.payout.insufficient} (the wallet holds less),
   *     {@code referral.payout.provider_funds}
   */
  public Withdrawal requestWithdrawal(WithdrawalCommand command) {
    Check.notNull(command, "command");
    profile(command.provider());
    return transactions.inTransaction(() -> withdraw(command, false));
  }

  private Withdrawal withdraw(WithdrawalCommand cmd, boolean automatic) {
    Optional<Withdrawal> existing = store.findWithdrawal(cmd.id());
    if (existing.isPresent()) {
      Withdrawal w = existing.get();
      if (!w.party().equals(cmd.party()) || !w.amount().equals(cmd.amount()) || !w.provider().equals(cmd.provider())
          || !w.destination().equals(cmd.destination())) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "id",
            "withdrawal " + cmd.id() + " was requested with another command");
      }
      return w;
    }
    ProviderProfile profile = profile(cmd.provider());
    if (accounts.balanceOf(AccountId.debt(cmd.party())).postedMinor() > 0) {
      throw new InvalidStateException("referral.payout.debt_open", "party",
          "the party owes the platform; its debt is netted against later earnings before any withdrawal");
    }
    Money amount = Money.ofMinor(cmd.amount().minor(), accounts.currency());
    if (amount.isLessThan(withdrawalPolicy.minimum())) {
      throw new LimitExceededException("referral.withdrawal.below_minimum", "amount",
          "a withdrawal is at least " + withdrawalPolicy.minimum().toPlainString());
    }
    Money fee = withdrawalPolicy.feeFor(amount);
    Money net = amount.minus(fee);
    if (net.isLessThan(profile.minimumTransfer())) {
      throw new LimitExceededException("referral.provider.minimum_transfer", "amount", profile.displayName()
          + " transfers at least " + profile.minimumTransfer().toPlainString());
    }
    Instant now = clock.instant();
    LocalDate day = LocalDate.ofInstant(now, withdrawalPolicy.zone());
    DailyWithdrawals today = store.findDailyWithdrawals(cmd.party(), day)
        .orElse(DailyWithdrawals.zero(cmd.party(), day));
    if (today.totalMinor() + amount.minor() > withdrawalPolicy.dailyCap().minor()) {
      throw new LimitExceededException("referral.withdrawal.daily_cap", "amount", "a party withdraws at most "
          + withdrawalPolicy.dailyCap().toPlainString() + " a day");
    }
    PayoutId payout = PayoutId.of(DerivedIds.derive("w", cmd.id().value()));
    commissions.startPayout(payout, cmd.party(), cmd.provider(), amount, fee, null);
    store.saveDailyWithdrawals(today.plus(amount.minor()), today.version());
    Withdrawal w = store.insertWithdrawal(new Withdrawal(cmd.id(), cmd.party(), cmd.provider(), cmd.destination(),
        amount, fee, net, WithdrawalState.REQUESTED, automatic, now, null, null, null, payout, null, day, 0));
    announce(w, now);
    return w;
  }

  /**
   * Approves a requested withdrawal and sends its transfer. Approving it again returns it as it stands.
   *
   * @throws InvalidStateException {@code referral.withdrawal.transition} when it was rejected
   */
  public Withdrawal approveWithdrawal(WithdrawalId id, String reviewer) {
    Check.notNull(id, "id");
    String who = TypedId.requireValid(reviewer, "reviewer");
    transactions.execute(() -> approve(findWithdrawal(id), who));
    return findWithdrawal(id);
  }

  private void approve(Withdrawal w, String reviewer) {
    if (w.state() != WithdrawalState.REQUESTED) {
      if (w.state() == WithdrawalState.REJECTED) {
        throw new InvalidStateException("referral.withdrawal.transition", "state",
            "withdrawal " + w.id() + " was rejected");
      }
      return;
    }
    ProviderProfile profile = profile(w.provider());
    String ref = "transfer:" + w.id().value();
    RequestKey key = profile.keys(PaymentKind.TRANSFER).derive(PaymentKind.TRANSFER, ref);
    Instant now = clock.instant();
    writeAhead(PaymentRequest.unsent(new TransferInstruction(key, profile.provider(), w.party(), w.destination(),
        w.net(), w.automatic() ? "earnings payout" : "withdrawal"), ref, null, w.id().value(), now,
        now.plus(backoff.delayAfter(0))));
    Withdrawal approved = w.moveTo(WithdrawalState.APPROVED, reviewer, now, null, key);
    store.updateWithdrawal(approved, w.version());
    announce(approved, now);
  }

  /** Rejects a requested withdrawal and releases its money to the party's wallet. Rejecting it again returns it. */
  public Withdrawal rejectWithdrawal(WithdrawalId id, String reviewer, String reason) {
    Check.notNull(id, "id");
    String who = TypedId.requireValid(reviewer, "reviewer");
    String why = TypedId.requireValid(reason, "reason");
    return transactions.inTransaction(() -> {
      Withdrawal w = findWithdrawal(id);
      if (w.state() == WithdrawalState.REJECTED) {
        return w;
      }
      Instant now = clock.instant();
      Withdrawal rejected = w.moveTo(WithdrawalState.REJECTED, who, now, why, null);
      commissions.failPayout(w.payout());
      releaseDaily(w);
      store.updateWithdrawal(rejected, w.version());
      announce(rejected, now);
      return rejected;
    });
  }

  public Optional<Withdrawal> withdrawal(WithdrawalId id) {
    return store.findWithdrawal(Check.notNull(id, "id"));
  }

  /**
   * Pays out a party's whole available wallet (within the daily cap) to its registered wallet at {@code provider}
   * once it has reached {@code threshold}: one automatic, pre-approved withdrawal per crossing. The withdrawal's id
   * derives from the wallet's ledger version, so checking again — on a retry, a replay, another node — finds the
   * same withdrawal rather than making a second. Returns nothing when the wallet is below the threshold, the party
   * owes the platform, has no receiver account at the provider, or the cap leaves less than the threshold.
   */
  public Optional<Withdrawal> payOutOverThreshold(PartyId party, Money threshold, String provider) {
    Check.notNull(party, "party");
    Check.notNull(threshold, "threshold");
    Check.positive(threshold.minor(), "threshold");
    profile(provider);
    Optional<WithdrawalId> id = transactions.inTransaction(() -> {
      if (accounts.balanceOf(AccountId.debt(party)).postedMinor() > 0) {
        return Optional.empty();
      }
      AccountBalance wallet = accounts.balanceOf(AccountId.earnings(party));
      Optional<ReceiverAccount> account = store.findReceiver(party, provider);
      if (wallet.availableMinor() < threshold.minor() || account.isEmpty()) {
        return Optional.empty();
      }
      LocalDate day = LocalDate.ofInstant(clock.instant(), withdrawalPolicy.zone());
      long used = store.findDailyWithdrawals(party, day).map(DailyWithdrawals::totalMinor).orElse(0L);
      long amount = Math.min(wallet.availableMinor(), withdrawalPolicy.dailyCap().minor() - used);
      if (amount < threshold.minor() || amount < withdrawalPolicy.minimum().minor()) {
        return Optional.empty();
      }
      WithdrawalId wid = WithdrawalId.of(DerivedIds.derive("auto", party.value(), provider,
          Long.toString(wallet.version())));
      Withdrawal w = withdraw(new WithdrawalCommand(wid, party, money(amount), provider,
          PayoutDestination.walletOf(account.get())), true);
      approve(w, AUTO_REVIEWER);
      return Optional.of(wid);
    });
    return id.map(this::findWithdrawal);
  }

  private Withdrawal findWithdrawal(WithdrawalId id) {
    return store.findWithdrawal(id).orElseThrow(() -> new NotFoundException("referral.withdrawal.not_found", "id",
        "no withdrawal " + id));
  }

  private void releaseDaily(Withdrawal w) {
    DailyWithdrawals d = store.findDailyWithdrawals(w.party(), w.day()).orElseThrow(() ->
        new IntegrityException("referral.withdrawal.daily_missing", "day",
            "no daily total for a withdrawal"));
    store.saveDailyWithdrawals(d.plus(-Math.min(d.totalMinor(), w.amount().minor())), d.version());
  }

  private void announce(Withdrawal w, Instant now) {
    transactions.afterCommit(() -> events.publish(
        new ReferralEvent.WithdrawalChanged(w.id(), w.party(), w.state(), now)));
  }

  // --- notifications and answers ---------------------------------------------------------------------------------

  /**
   * Handles a provider's notification: checks its signature through the provider's gateway and applies the result
   * it reports. Safe in any order and any number of times.
   */
  public NotificationOutcome handleNotification(RawNotification notification) {
    Check.notNull(notification, "notification");
    PaymentGateway gateway = gateways.get(notification.provider());
    if (gateway == null) {
      LOG.warn("notification from unconfigured provider {} rejected", notification.provider());
      return NotificationOutcome.REJECTED;
    }
    NotificationCheck check = gateway.verify(notification);
    if (!check.authentic()) {
      LOG.warn("notification from {} rejected: {}", notification.provider(), check.reason());
      return NotificationOutcome.REJECTED;
    }
    return apply(check.result(), false);
  }

  /** Records a request and registers its sending for after the transaction commits. */
  private PaymentRequest writeAhead(PaymentRequest request) {
    PaymentRequest stored = store.insertRequest(request);
    transactions.afterCommit(() -> send(stored.instruction()));
    return stored;
  }

  /** Sends an instruction (outside any transaction) and applies the answer; a fault counts as UNKNOWN. */
  PaymentResult send(PaymentInstruction instruction) {
    PaymentResult result = call(instruction, false);
    apply(result, false);
    return result;
  }

  /** Calls the provider: sends the instruction, or queries it; faults and foreign answers become UNKNOWN. */
  PaymentResult call(PaymentInstruction instruction, boolean query) {
    RequestKey key = instruction.key();
    PaymentResult result;
    try {
      PaymentGateway g = gateway(instruction.provider());
      if (query) {
        result = g.query(instruction);
      } else if (instruction instanceof SplitInstruction s) {
        result = g.split(s);
      } else if (instruction instanceof UnfreezeInstruction u) {
        result = g.unfreeze(u);
      } else if (instruction instanceof ReturnInstruction r) {
        result = g.returnSplit(r);
      } else {
        result = g.transfer((TransferInstruction) instruction);
      }
    } catch (RuntimeException e) {
      LOG.warn("gateway {} failed on request {}: {}", instruction.provider(), key, e.getClass().getName());
      return PaymentResult.unknown(key, "GATEWAY_FAULT");
    }
    if (result == null || !result.key().equals(key)) {
      LOG.warn("gateway {} answered request {} for another key", instruction.provider(), key);
      return PaymentResult.unknown(key, "GATEWAY_KEY_MISMATCH");
    }
    return result;
  }

  /**
   * Applies a provider's answer to its request in one transaction: merges the statuses, moves the money of every
   * receiver (or request) that just became final, and, for the reconciler, schedules the next check.
   */
  NotificationOutcome apply(PaymentResult result, boolean checked) {
    return transactions.inTransaction(() -> {
      Optional<PaymentRequest> found = store.findRequest(result.key());
      if (found.isEmpty()) {
        LOG.warn("answer for unknown request {} ignored", result.key());
        return NotificationOutcome.UNKNOWN_REQUEST;
      }
      PaymentRequest req = found.get();
      if (req.isFinal()) {
        if (!result.status().isFinal()) {
          return NotificationOutcome.STALE;
        }
        if (result.status() != req.status()) {
          LOG.error("provider answered {} for request {} already {}; books unchanged", result.status(), req.key(),
              req.status());
          return NotificationOutcome.CONFLICT;
        }
        return NotificationOutcome.DUPLICATE;
      }
      Instant now = clock.instant();
      List<PaymentStatus> receivers = new ArrayList<>(req.receivers());
      List<Integer> newlyFinal = new ArrayList<>();
      PaymentStatus status = merge(req, result, receivers, newlyFinal);
      boolean changed = status != req.status() || !newlyFinal.isEmpty();
      String reference = result.providerReference() != null ? result.providerReference() : req.providerReference();
      String error = result.errorCode() != null ? result.errorCode() : req.errorCode();
      boolean learned = !Objects.equals(reference, req.providerReference())
          || !Objects.equals(error, req.errorCode());
      if (!changed && !checked && !learned) {
        return result.status() == PaymentStatus.UNKNOWN || result.status() == req.status()
            ? NotificationOutcome.DUPLICATE : NotificationOutcome.STALE;
      }
      boolean last = status.isFinal();
      int checks = checked ? req.checks() + 1 : req.checks();
      Instant next = last ? null : checked ? now.plus(backoff.delayAfter(checks)) : req.nextCheckAt();
      PaymentRequest updated = req.next(status, receivers, reference, error, last ? now : null, checks, next);
      store.updateRequest(updated, req.version());
      settle(updated, newlyFinal, now);
      if (last) {
        transactions.afterCommit(() -> events.publish(
            new ReferralEvent.PaymentSettled(updated.key(), updated.kind(), updated.status(), now)));
      }
      return changed ? NotificationOutcome.APPLIED : NotificationOutcome.DUPLICATE;
    });
  }

  /** The request's status after {@code result}; fills {@code receivers} and lists the receivers that became final. */
  private static PaymentStatus merge(PaymentRequest req, PaymentResult result, List<PaymentStatus> receivers,
      List<Integer> newlyFinal) {
    if (req.kind() != PaymentKind.SPLIT) {
      PaymentStatus s = result.status();
      // An UNKNOWN (a lost answer) never hides that the provider had said PENDING.
      return s == PaymentStatus.UNKNOWN && req.status() == PaymentStatus.PENDING ? PaymentStatus.PENDING : s;
    }
    for (ReceiverOutcome o : result.receivers()) {
      int i = o.index();
      if (i < receivers.size() && !receivers.get(i).isFinal() && o.status().isFinal()) {
        receivers.set(i, o.status());
        newlyFinal.add(i);
      }
    }
    if (result.status().isFinal()) {
      for (int i = 0; i < receivers.size(); i++) {
        if (!receivers.get(i).isFinal()) {
          receivers.set(i, result.status());
          newlyFinal.add(i);
        }
      }
    }
    boolean allFinal = true;
    boolean anySucceeded = false;
    for (PaymentStatus s : receivers) {
      allFinal &= s.isFinal();
      anySucceeded |= s == PaymentStatus.SUCCEEDED;
    }
    if (allFinal) {
      return anySucceeded ? PaymentStatus.SUCCEEDED : PaymentStatus.FAILED;
    }
    PaymentStatus s = result.status().isFinal() ? PaymentStatus.PENDING : result.status();
    return s == PaymentStatus.UNKNOWN && req.status() == PaymentStatus.PENDING ? PaymentStatus.PENDING : s;
  }

  /** Moves the money of what just became final, once (entry ids derive from the request and receiver). */
  private void settle(PaymentRequest req, List<Integer> newlyFinal, Instant now) {
    if (req.instruction() instanceof SplitInstruction s) {
      for (int i : newlyFinal) {
        SplitReceiver receiver = s.receivers().get(i);
        boolean ok = req.receivers().get(i) == PaymentStatus.SUCCEEDED;
        EntryRequest.Builder entry = EntryRequest.builder(EntryId.derive(ok ? "split-ok" : "split-void",
            req.ledgerRef(), Integer.toString(i))).metadata("key", req.key().value());
        if (ok) {
          entry.add(Transfer.postHold(splitHold(req.ledgerRef(), i)));
        } else {
          entry.add(Transfer.voidHold(splitHold(req.ledgerRef(), i)));
          commissions.netDebt(entry, receiver.party(), receiver.amount().minor());
        }
        accounts.ledger().post(entry.build());
      }
    } else if (req.instruction() instanceof ReturnInstruction r) {
      if (req.status() == PaymentStatus.SUCCEEDED) {
        long owed = accounts.balanceOf(AccountId.debt(r.party())).postedMinor();
        long toDebt = Math.min(owed, r.amount().minor());
        AccountId provider = accounts.provider(r.provider());
        EntryRequest.Builder entry = EntryRequest.builder(EntryId.derive("return", req.ledgerRef()))
            .metadata("key", req.key().value());
        if (toDebt > 0) {
          entry.add(Transfer.post(provider, accounts.debt(r.party()), money(toDebt)));
        }
        if (r.amount().minor() > toDebt) {
          // The debt was netted meanwhile: what the provider took back again is owed to the party.
          entry.add(Transfer.post(provider, accounts.earnings(r.party()), money(r.amount().minor() - toDebt)));
        }
        accounts.ledger().post(entry.build());
      } else if (req.status() == PaymentStatus.FAILED) {
        LOG.info("return {} failed ({}); the debt stays on the ledger", req.key(), req.errorCode());
      }
    } else if (req.instruction() instanceof TransferInstruction && req.isFinal()) {
      Withdrawal w = findWithdrawal(WithdrawalId.of(req.anchor()));
      boolean paid = req.status() == PaymentStatus.SUCCEEDED;
      if (paid) {
        commissions.completePayout(w.payout());
      } else {
        commissions.failPayout(w.payout());
        releaseDaily(w);
      }
      Withdrawal next = w.moveTo(paid ? WithdrawalState.PAID : WithdrawalState.FAILED, null, now,
          paid ? null : req.errorCode() != null ? req.errorCode() : "FAILED", null);
      store.updateWithdrawal(next, w.version());
      announce(next, now);
    }
    // An unfreeze moves nothing on the ledger: the unsplit funds were the platform's all along.
  }

  // --- statements ------------------------------------------------------------------------------------------------

  /**
   * Reconciles a provider's settlement statement (CSV lines {@code key,amount,status,time}, an optional header,
   * amounts in yuan) for {@code [from, to)} against the recorded requests and reports every mismatch: missing on
   * either side, amounts or statuses that differ, repeated or malformed lines. Reads the statement as a stream.
   */
  public StatementReport importStatement(String provider, Reader csv, Instant from, Instant to) {
    profile(provider);
    return new SettlementStatements(store, accounts.currency()).reconcile(provider, csv, from, to);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private void requireNoneInFlight(List<PaymentRequest> requests, PaymentKind kind, PaymentKind other,
      String anchor) {
    for (PaymentRequest r : requests) {
      if (!r.isFinal() && (r.kind() == kind || r.kind() == other)
          && (anchor == null || anchor.equals(r.anchor()))) {
        throw new InvalidStateException("referral.payment.in_flight", "order", "request " + r.key() + " is still "
            + r.status() + "; settle it (the reconciler will) before asking for more");
      }
    }
  }

  private OrderRecord orderRecord(OrderId order) {
    return engine.store().findOrder(order).orElseThrow(() -> new NotFoundException("referral.order.not_found",
        "order", "no order " + order));
  }

  private List<PaymentRequest> reread(List<RequestKey> keys) {
    List<PaymentRequest> out = new ArrayList<>(keys.size());
    for (RequestKey k : keys) {
      out.add(store.findRequest(k).orElseThrow());
    }
    return out;
  }

  private Money money(long minor) {
    return Money.ofMinor(minor, accounts.currency());
  }

  /** Builds {@link Payouts} over a {@link ReferralEngine}. */
  public static final class Builder {
    private ReferralEngine engine;
    private PaymentStore store;
    private final Map<String, ProviderProfile> profiles = new LinkedHashMap<>();
    private final Map<String, PaymentGateway> gateways = new LinkedHashMap<>();
    private WithdrawalPolicy withdrawalPolicy = WithdrawalPolicy.ofDefaults();
    private Backoff backoff = Backoff.ofDefaults();

    private Builder() {}

    /** The engine whose books, clock and transactions the payouts use (required). */
    public Builder engine(ReferralEngine engine) {
      this.engine = Check.notNull(engine, "engine");
      return this;
    }

    public Builder store(PaymentStore store) {
      this.store = Check.notNull(store, "store");
      return this;
    }

    /** A provider: its profile and the gateway that reaches it (their provider names must match). */
    public Builder provider(ProviderProfile profile, PaymentGateway gateway) {
      Check.notNull(profile, "profile");
      Check.notNull(gateway, "gateway");
      Check.that(profile.provider().equals(gateway.provider()), "gateway", "referral.gateway.provider",
          "the gateway serves " + gateway.provider() + ", the profile " + profile.provider());
      profiles.put(profile.provider(), profile);
      gateways.put(profile.provider(), gateway);
      return this;
    }

    public Builder withdrawals(WithdrawalPolicy policy) {
      this.withdrawalPolicy = Check.notNull(policy, "withdrawals");
      return this;
    }

    /** When the reconciler re-queries unsettled requests (default 5 minutes, 1 hour, then daily). */
    public Builder backoff(Backoff backoff) {
      this.backoff = Check.notNull(backoff, "backoff");
      return this;
    }

    public Payouts build() {
      Check.notNull(engine, "engine");
      return new Payouts(this);
    }
  }
}
