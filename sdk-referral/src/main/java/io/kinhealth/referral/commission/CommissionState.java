package io.kinhealth.referral.commission;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a commission stands. {@code PENDING -> AVAILABLE -> PAID} is the happy path; {@link #CANCELLED} (refunded in
 * full before it became available), {@link #REVERSED} (refunded in full after) and {@link #FRAUD} are the exits.
 */
public enum CommissionState {
  /** Earned, held (on the ledger, as a hold) until the refund window closes. */
  PENDING,
  /** Settled into the party's earnings; may be paid out. */
  AVAILABLE,
  /** Included in a completed payout. */
  PAID,
  /** Refunded in full while pending: nothing was ever available. */
  CANCELLED,
  /** Refunded in full after it was available or paid; what was paid out became a debt. */
  REVERSED,
  /** Forfeited as fraud: its money went to the platform. */
  FRAUD;

  public boolean isFinal() {
    return this == CANCELLED || this == REVERSED || this == FRAUD;
  }

  /** The states this one may move to. */
  public Set<CommissionState> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(AVAILABLE, CANCELLED, FRAUD);
      case AVAILABLE -> EnumSet.of(PAID, REVERSED, FRAUD);
      case PAID -> EnumSet.of(REVERSED, FRAUD);
      case CANCELLED, REVERSED, FRAUD -> EnumSet.noneOf(CommissionState.class);
    };
  }

  public boolean canMoveTo(CommissionState target) {
    return next().contains(target);
  }
}
