package io.kinhealth.referral.commission;

import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.attribution.AbuseFlag;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What one role earns from one order, and where it stands. The money itself is on the ledger: while
 * {@link CommissionState#PENDING} it is the hold {@code hold} from clearing to the party's earnings; once available
 * it is part of the earnings balance.
 *
 * @param refunded how much of {@code amount} refunds have taken back so far
 * @param hold the ledger hold carrying the pending amount; null once the commission is no longer pending
 * @param holdSequence how many holds this commission has had (a partial refund replaces the hold)
 * @param flags abuse signals from the referral binding that earned it
 * @param underReview whether it waits for a review before it may become available
 * @param payout the payout it is part of, while that payout is under way or once paid; else null
 * @param version grows by one on every change (optimistic concurrency)
 */
public record Commission(
    CommissionId id,
    OrderId order,
    PartyId party,
    PartyRole role,
    Money amount,
    Money refunded,
    CommissionState state,
    Instant earnedAt,
    Instant availableAt,
    HoldId hold,
    int holdSequence,
    Set<AbuseFlag> flags,
    boolean underReview,
    PayoutId payout,
    long version) {

  public Commission {
    Check.notNull(id, "id");
    Check.notNull(order, "order");
    Check.notNull(party, "party");
    Check.notNull(role, "role");
    Check.notNull(amount, "amount");
    Check.notNull(refunded, "refunded");
    Check.that(!refunded.isNegative() && !refunded.isGreaterThan(amount), "refunded", "referral.commission.refunded",
        "refunded must be between zero and the amount");
    Check.notNull(state, "state");
    Check.notNull(earnedAt, "earnedAt");
    Check.notNull(availableAt, "availableAt");
    Check.notNegative(holdSequence, "holdSequence");
    flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    Check.notNegative(version, "version");
  }

  /** What is still owed to the party (or was paid and not taken back). */
  public Money remaining() {
    return amount.minus(refunded);
  }

  /** This commission moved to {@code target}, one version later. */
  public Commission moveTo(CommissionState target) {
    if (!state.canMoveTo(target)) {
      throw new InvalidStateException("referral.commission.transition", "state",
          "a " + state + " commission cannot become " + target);
    }
    HoldId h = target == CommissionState.PENDING ? hold : null;
    return new Commission(id, order, party, role, amount, refunded, target, earnedAt, availableAt, h, holdSequence,
        flags, underReview, payout, version + 1);
  }

  /**
   * {@code more} refunded, one version later: a pending commission's amount is now carried by {@code newHold}; a
   * commission refunded in full ends {@link CommissionState#CANCELLED} (if it was pending) or
   * {@link CommissionState#REVERSED} (if it was available or paid); a fraud stays {@link CommissionState#FRAUD}.
   */
  public Commission refund(Money more, HoldId newHold) {
    Money total = refunded.plus(more);
    CommissionState next = state;
    HoldId h = state == CommissionState.PENDING ? newHold : null;
    if (total.equals(amount) && state != CommissionState.FRAUD) {
      next = state == CommissionState.PENDING ? CommissionState.CANCELLED : CommissionState.REVERSED;
      if (!state.canMoveTo(next)) {
        throw new InvalidStateException("referral.commission.transition", "state",
            "a " + state + " commission cannot be refunded");
      }
      h = null;
    }
    int sequence = h != null && !h.equals(hold) ? holdSequence + 1 : holdSequence;
    return new Commission(id, order, party, role, amount, total, next, earnedAt, availableAt, h, sequence, flags,
        underReview, payout, version + 1);
  }

  public Commission withReview(boolean underReview) {
    return new Commission(id, order, party, role, amount, refunded, state, earnedAt, availableAt, hold, holdSequence,
        flags, underReview, payout, version + 1);
  }

  public Commission withPayout(PayoutId payout) {
    return new Commission(id, order, party, role, amount, refunded, state, earnedAt, availableAt, hold, holdSequence,
        flags, underReview, payout, version + 1);
  }
}
