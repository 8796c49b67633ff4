package io.kinhealth.referral.payment;

import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.commission.PayoutId;
import io.kinhealth.referral.party.PartyId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A party's request to take money out of its wallet, and its audit trail. Its money is a part-1 payout
 * ({@code payout}) held on the ledger from the moment it is requested: {@code amount} leaves the wallet, {@code fee}
 * goes to the platform and {@code net} to the person.
 *
 * @param automatic whether the SDK requested and approved it itself (a payout over a threshold)
 * @param reviewer who approved or rejected it (an opaque staff id), or null
 * @param reason why it was rejected or failed (a code), or null
 * @param transfer the key of the transfer sent once approved, or null
 * @param day the calendar day (in the policy's zone) whose cap it counts against
 * @param version grows by one on every change (optimistic concurrency)
 */
public record Withdrawal(
    WithdrawalId id,
    PartyId party,
    String provider,
    PayoutDestination destination,
    Money amount,
    Money fee,
    Money net,
    WithdrawalState state,
    boolean automatic,
    Instant requestedAt,
    String reviewer,
    Instant reviewedAt,
    String reason,
    PayoutId payout,
    RequestKey transfer,
    LocalDate day,
    long version) {

  public Withdrawal {
    Check.notNull(id, "id");
    Check.notNull(party, "party");
    Check.notBlank(provider, "provider");
    Check.notNull(destination, "destination");
    Check.notNull(amount, "amount");
    Check.notNull(fee, "fee");
    Check.notNull(net, "net");
    Check.that(fee.plus(net).equals(amount), "net", "referral.withdrawal.arithmetic", "fee plus net must be amount");
    Check.notNull(state, "state");
    Check.notNull(requestedAt, "requestedAt");
    Check.notNull(payout, "payout");
    Check.notNull(day, "day");
    Check.notNegative(version, "version");
  }

  /** This withdrawal in {@code target}, one version later. */
  public Withdrawal moveTo(WithdrawalState target, String reviewer, Instant at, String reason, RequestKey transfer) {
    if (!state.next().contains(target)) {
      throw new InvalidStateException("referral.withdrawal.transition", "state",
          "a " + state + " withdrawal cannot become " + target);
    }
    return new Withdrawal(id, party, provider, destination, amount, fee, net, target, automatic, requestedAt,
        reviewer != null ? reviewer : this.reviewer, reviewer != null ? at : reviewedAt,
        reason != null ? reason : this.reason, payout, transfer != null ? transfer : this.transfer, day,
        version + 1);
  }
}
