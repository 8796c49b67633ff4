package io.kinhealth.referral;

import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.IntegrityException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.LimitExceededException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.EventPublisher;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.commission.Commission;
import io.kinhealth.referral.commission.CommissionId;
import io.kinhealth.referral.commission.CommissionPolicy;
import io.kinhealth.referral.commission.CommissionState;
import io.kinhealth.referral.commission.PartyBalance;
import io.kinhealth.referral.commission.Payout;
import io.kinhealth.referral.commission.PayoutId;
import io.kinhealth.referral.commission.PayoutState;
import io.kinhealth.referral.ledger.AccountBalance;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.EntryRequest;
import io.kinhealth.referral.ledger.Hold;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.ledger.HoldState;
import io.kinhealth.referral.ledger.Transfer;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.spi.ReferralStore;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The commission lifecycle: {@code PENDING -> AVAILABLE -> PAID}, with exits {@code CANCELLED}, {@code REVERSED} and
 * {@code FRAUD}, and payouts with a minimum and a fee.
 *
 * <p>Guarantees: a pending commission is a ledger hold from clearing to the party's earnings, so it cannot be spent
 * before it matures; {@link #releaseDue(int)} posts the holds of commissions past their hold period (except those
 * under review) and nets any open debt against them first; a party with an open debt cannot start a payout
 * ({@code referral.payout.debt_open}); money is never taken from a party beyond its available earnings — what cannot
 * be taken becomes debt, booked and visible, never a silent negative balance. Every change goes through the
 * {@link TransactionRunner} with its ledger entry, so records and money never disagree. Thread-safe; obtained from
 * {@link ReferralEngine#commissions()}.
 */
public final class Commissions {
  private final ReferralStore store;
  private final AccountPlan accounts;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final EventPublisher events;
  private final CommissionPolicy policy;

  Commissions(ReferralStore store, AccountPlan accounts, TransactionRunner transactions, Clock clock,
      EventPublisher events, CommissionPolicy policy) {
    this.store = store;
    this.accounts = accounts;
    this.transactions = transactions;
    this.clock = clock;
    this.events = events;
    this.policy = policy;
  }

  public CommissionPolicy policy() {
    return policy;
  }

  public Optional<Commission> commission(CommissionId id) {
    return store.findCommission(Check.notNull(id, "id"));
  }

  /** A party's commissions in a state, one page at a time, by id. */
  public Page<Commission> of(PartyId party, CommissionState state, PageRequest page) {
    return store.commissionsOf(Check.notNull(party, "party"), Check.notNull(state, "state"),
        Check.notNull(page, "page"));
  }

  public Optional<Payout> payout(PayoutId id) {
    return store.findPayout(Check.notNull(id, "id"));
  }

  /** The party's pending, available and reserved earnings and its debt, from the ledger. */
  public PartyBalance balanceOf(PartyId party) {
    Check.notNull(party, "party");
    AccountBalance earnings = accounts.balanceOf(AccountId.earnings(party));
    AccountBalance debt = accounts.balanceOf(AccountId.debt(party));
    return new PartyBalance(party, earnings.pending(), earnings.available(), earnings.reserved(), debt.posted());
  }

  // --- maturing ----------------------------------------------------------------------------------------------------

  /**
   * Makes available up to {@code limit} pending commissions whose hold period has passed, each in its own
   * transaction, netting open debt first. Returns how many it released. Safe to run repeatedly and from several
   * nodes: a commission released meanwhile is skipped.
   */
  public int releaseDue(int limit) {
    Check.inRange(limit, 1, PageRequest.MAX_LIMIT, "limit");
    Instant now = clock.instant();
    int released = 0;
    for (Commission due : store.commissionsDue(now, PageRequest.first(limit)).items()) {
      boolean done = transactions.inTransaction(() -> {
        Commission c = store.findCommission(due.id()).orElse(null);
        if (c == null || c.state() != CommissionState.PENDING || c.underReview() || c.availableAt().isAfter(now)) {
          return false;
        }
        EntryRequest.Builder entry = EntryRequest.builder(EntryId.derive("release", c.id().value()))
            .metadata("commission", c.id().value()).add(Transfer.postHold(c.hold()));
        netDebt(entry, c.party(), c.remaining().minor());
        accounts.ledger().post(entry.build());
        update(c, x -> x.moveTo(CommissionState.AVAILABLE), now);
        return true;
      });
      if (done) {
        released++;
      }
    }
    return released;
  }

  /** Lets a commission held for review (its referral was flagged) mature like any other. */
  public Commission clearReview(CommissionId id) {
    Check.notNull(id, "id");
    return transactions.inTransaction(() -> {
      Commission c = find(id);
      return c.underReview() ? update(c, x -> x.withReview(false), clock.instant()) : c;
    });
  }

  /**
   * Forfeits a commission as fraud: a pending one's hold is voided and its money goes to the platform; an available
   * or paid one is taken back from the party's earnings as far as they go, the rest becoming the party's debt.
   * Marking a commission already marked returns it.
   */
  public Commission markFraud(CommissionId id) {
    Check.notNull(id, "id");
    return transactions.inTransaction(() -> {
      Commission c = find(id);
      if (c.state() == CommissionState.FRAUD) {
        return c;
      }
      if (!c.state().canMoveTo(CommissionState.FRAUD)) {
        throw new InvalidStateException("referral.commission.transition", "state",
            "a " + c.state() + " commission cannot be marked as fraud");
      }
      long remaining = c.remaining().minor();
      EntryRequest.Builder entry = EntryRequest.builder(EntryId.derive("fraud", c.id().value()))
          .metadata("commission", c.id().value());
      if (c.state() == CommissionState.PENDING) {
        entry.add(Transfer.voidHold(c.hold()));
        if (remaining > 0) {
          entry.add(Transfer.post(accounts.clearing(), accounts.platform(), money(remaining)));
        }
      } else if (remaining > 0) {
        takeBack(entry, c.party(), remaining, accounts.platform(), new HashMap<>());
      }
      if (!entry.isEmpty()) {
        accounts.ledger().post(entry.build());
      }
      return update(c, x -> x.moveTo(CommissionState.FRAUD), clock.instant());
    });
  }

  // --- payouts -----------------------------------------------------------------------------------------------------

  /**
   * Starts paying out all of a party's available earnings through {@code provider}: the net amount and the fee are
   * held on the ledger until {@link #completePayout} or {@link #failPayout}, and the party's available commissions
   * are tied to the payout. Starting the same payout id again with the same party and provider returns it.
   *
   * @throws InvalidStateException {@code referral.payout.debt_open} while the party has debt
   * @throws LimitExceededException {@code referral.payout.below_minimum} when the available amount is below the
   *     policy's minimum, or the fee would take all of it; {@code referral.payout.provider_funds} when the platform
   *     holds less than the net amount at that provider
   */
  public Payout startPayout(PayoutId id, PartyId party, String provider) {
    return startPayout(id, party, provider, null);
  }

  /**
   * As {@link #startPayout(PayoutId, PartyId, String)}, with holds that expire at {@code expiresAt} (null: never) if
   * the payout is neither completed nor failed by then; after that it can only fail.
   */
  public Payout startPayout(PayoutId id, PartyId party, String provider, Instant expiresAt) {
    Check.notNull(id, "id");
    Check.notNull(party, "party");
    String providerName = TypedId.requireValid(provider, "provider");
    return transactions.inTransaction(() -> {
      Optional<Payout> existing = store.findPayout(id);
      if (existing.isPresent()) {
        Payout p = existing.get();
        if (!p.party().equals(party) || !p.provider().equals(providerName)) {
          throw new IdempotencyConflictException("idempotency.payload_mismatch", "id",
              "payout " + id + " was started for another party or provider");
        }
        return p;
      }
      if (accounts.balanceOf(AccountId.debt(party)).postedMinor() > 0) {
        throw new InvalidStateException("referral.payout.debt_open", "party",
            "the party owes the platform; its debt is netted against later earnings before any payout");
      }
      Money gross = accounts.balanceOf(AccountId.earnings(party)).available();
      Money minimum = Money.ofMinor(policy.minimumPayout().minor(), accounts.currency());
      Money fee = policy.feeFor(gross);
      Money net = gross.minus(fee);
      if (gross.isLessThan(minimum) || !net.isPositive()) {
        throw new LimitExceededException("referral.payout.below_minimum", "party",
            "available earnings are below the minimum payout of " + minimum.toPlainString());
      }
      AccountId providerAccount = accounts.provider(providerName);
      if (accounts.balanceOf(providerAccount).availableMinor() < net.minor()) {
        throw new LimitExceededException("referral.payout.provider_funds", "provider",
            "the platform holds less than the payout at provider " + providerName);
      }
      Instant now = clock.instant();
      HoldId netHold = HoldId.derive("pn", id.value());
      HoldId feeHold = fee.isPositive() ? HoldId.derive("pf", id.value()) : null;
      AccountId earnings = accounts.earnings(party);
      EntryRequest.Builder entry = EntryRequest.builder(EntryId.derive("payout", id.value()))
          .metadata("payout", id.value())
          .add(hold(netHold, earnings, providerAccount, net, expiresAt));
      if (feeHold != null) {
        entry.add(hold(feeHold, earnings, accounts.platform(), fee, expiresAt));
      }
      accounts.ledger().post(entry.build());
      Payout payout = store.insertPayout(new Payout(id, party, providerName, gross, fee, net, PayoutState.REQUESTED,
          now, expiresAt, null, netHold, feeHold, 0));
      forEach(page -> store.commissionsOf(party, CommissionState.AVAILABLE, page), c -> {
        if (c.payout() == null) {
          update(c, x -> x.withPayout(id), now);
        }
      });
      transactions.afterCommit(() -> events.publish(
          new ReferralEvent.PayoutChanged(id, party, PayoutState.REQUESTED, now)));
      return payout;
    });
  }

  /** The provider paid: posts the payout's holds and marks its commissions paid. Completing it again returns it. */
  public Payout completePayout(PayoutId id) {
    return settlePayout(id, PayoutState.PAID);
  }

  /**
   * The provider could not pay: voids the payout's holds, so the money is available again (and nets any debt that
   * arose meanwhile), and frees its commissions for a later payout. Failing it again returns it.
   */
  public Payout failPayout(PayoutId id) {
    return settlePayout(id, PayoutState.FAILED);
  }

  private Payout settlePayout(PayoutId id, PayoutState target) {
    Check.notNull(id, "id");
    return transactions.inTransaction(() -> {
      Payout p = store.findPayout(id).orElseThrow(() -> new NotFoundException("referral.payout.not_found", "id",
          "no payout " + id));
      if (p.state() == target) {
        return p;
      }
      Instant now = clock.instant();
      Payout settled = p.settle(target, now);
      EntryRequest.Builder entry = EntryRequest.builder(EntryId.derive(
          target == PayoutState.PAID ? "payout-paid" : "payout-failed", id.value())).metadata("payout", id.value());
      if (target == PayoutState.PAID) {
        if (p.expiresAt() != null && !now.isBefore(p.expiresAt())) {
          throw new InvalidStateException("referral.payout.expired", "id",
              "payout " + id + " expired unconfirmed; it can only fail");
        }
        entry.add(Transfer.postHold(p.netHold()));
        if (p.feeHold() != null) {
          entry.add(Transfer.postHold(p.feeHold()));
        }
      } else {
        // Holds the ledger's expiry sweep already released need no void.
        long released = 0;
        for (HoldId h : new HoldId[] {p.netHold(), p.feeHold()}) {
          Optional<Hold> hold = h == null ? Optional.empty() : accounts.ledger().hold(h);
          if (hold.isPresent() && hold.get().state() == HoldState.PENDING) {
            entry.add(Transfer.voidHold(h));
            released += hold.get().amount().minor();
          }
        }
        netDebt(entry, p.party(), released);
      }
      if (!entry.isEmpty()) {
        accounts.ledger().post(entry.build());
      }
      store.updatePayout(settled, p.version());
      forEach(page -> store.commissionsInPayout(id, page), c -> {
        if (target == PayoutState.PAID) {
          if (c.state() == CommissionState.AVAILABLE) {
            update(c, x -> x.moveTo(CommissionState.PAID), now);
          }
        } else {
          update(c, x -> x.withPayout(null), now);
        }
      });
      transactions.afterCommit(() -> events.publish(new ReferralEvent.PayoutChanged(id, p.party(), target, now)));
      return settled;
    });
  }

  // --- shared with the engine ------------------------------------------------------------------------------------

  /**
   * Adds transfers that take {@code amount} back from a party's earnings to {@code to}: from available earnings as
   * far as they go, the rest by raising the party's debt. {@code spent} tracks what earlier transfers of the same
   * entry already took from each party. Returns the part that became debt.
   */
  long takeBack(EntryRequest.Builder entry, PartyId party, long amount, AccountId to, Map<PartyId, Long> spent) {
    long available = accounts.balanceOf(AccountId.earnings(party)).availableMinor() - spent.getOrDefault(party, 0L);
    long fromEarnings = Math.max(0, Math.min(available, amount));
    long toDebt = amount - fromEarnings;
    if (fromEarnings > 0) {
      entry.add(Transfer.post(accounts.earnings(party), to, money(fromEarnings)));
      spent.merge(party, fromEarnings, Long::sum);
    }
    if (toDebt > 0) {
      entry.add(Transfer.post(accounts.debt(party), to, money(toDebt)));
    }
    return toDebt;
  }

  /**
   * Adds a transfer settling the party's debt from its earnings, after the entry makes {@code incoming} more
   * available to it.
   */
  void netDebt(EntryRequest.Builder entry, PartyId party, long incoming) {
    long debt = accounts.balanceOf(AccountId.debt(party)).postedMinor();
    if (debt <= 0) {
      return;
    }
    long available = accounts.balanceOf(AccountId.earnings(party)).availableMinor() + incoming;
    long settle = Math.min(debt, available);
    if (settle > 0) {
      entry.add(Transfer.post(accounts.earnings(party), accounts.debt(party), money(settle)));
    }
  }

  private static Transfer hold(HoldId id, AccountId debit, AccountId credit, Money amount, Instant expiresAt) {
    return expiresAt == null ? Transfer.hold(id, debit, credit, amount)
        : Transfer.hold(id, debit, credit, amount, expiresAt);
  }

  /** The id of a commission's {@code sequence}-th hold. */
  static HoldId holdId(CommissionId id, int sequence) {
    return HoldId.derive("h", id.value(), Integer.toString(sequence));
  }

  /** Stores a change to a commission and announces a state change after commit. */
  Commission update(Commission c, UnaryOperator<Commission> change, Instant now) {
    Commission next = change.apply(c);
    if (next.version() != c.version() + 1) {
      throw new IntegrityException("referral.commission.version", "version", "a change must add one version");
    }
    store.updateCommission(next, c.version());
    if (next.state() != c.state()) {
      transactions.afterCommit(() -> events.publish(
          new ReferralEvent.CommissionChanged(c.id(), c.party(), c.state(), next.state(), now)));
    }
    return next;
  }

  private Commission find(CommissionId id) {
    return store.findCommission(id).orElseThrow(() -> new NotFoundException("referral.commission.not_found", "id",
        "no commission " + id));
  }

  private Money money(long minor) {
    return Money.ofMinor(minor, accounts.currency());
  }

  /**
   * Visits every item of a paged read, page by page. Reads page by id, and the updates made here never move a
   * commission out of the range still to be read, so the cursor stays valid.
   */
  private static void forEach(Function<PageRequest, Page<Commission>> read, Consumer<Commission> action) {
    PageRequest request = PageRequest.first(500);
    while (true) {
      Page<Commission> page = read.apply(request);
      page.items().forEach(action);
      if (!page.hasNext()) {
        return;
      }
      request = request.next(page);
    }
  }
}
