package io.kinhealth.referral.commission;

import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.party.PartyId;
import java.time.Instant;

/**
 * Paying a party's available earnings out through a provider: {@code gross} leaves the party's earnings,
 * {@code fee} goes to the platform and {@code net} to the party. While {@link PayoutState#REQUESTED} both are holds
 * on the ledger; completing the payout posts them, failing it voids them.
 *
 * @param expiresAt when the holds expire if the payout is neither completed nor failed (WeChat cancels a transfer
 *     the receiver does not confirm in time); null for never
 * @param feeHold the hold carrying the fee; null when the fee is zero
 * @param version grows by one on every change (optimistic concurrency)
 */
public record Payout(
    PayoutId id,
    PartyId party,
    String provider,
    Money gross,
    Money fee,
    Money net,
    PayoutState state,
    Instant requestedAt,
    Instant expiresAt,
    Instant settledAt,
    HoldId netHold,
    HoldId feeHold,
    long version) {
  public Payout {
    Check.notNull(id, "id");
    Check.notNull(party, "party");
    Check.notBlank(provider, "provider");
    Check.notNull(gross, "gross");
    Check.notNull(fee, "fee");
    Check.notNull(net, "net");
    Check.that(fee.plus(net).equals(gross), "net", "referral.payout.arithmetic", "fee plus net must equal gross");
    Check.notNull(state, "state");
    Check.notNull(requestedAt, "requestedAt");
    Check.notNull(netHold, "netHold");
    Check.notNegative(version, "version");
  }

  /** This payout ended in {@code state} at {@code at}, one version later. */
  public Payout settle(PayoutState state, Instant at) {
    if (this.state.isFinal() || !state.isFinal()) {
      throw new InvalidStateException("referral.payout.transition", "state",
          "a " + this.state + " payout cannot become " + state);
    }
    return new Payout(id, party, provider, gross, fee, net, state, requestedAt, expiresAt, at, netHold, feeHold,
        version + 1);
  }
}
