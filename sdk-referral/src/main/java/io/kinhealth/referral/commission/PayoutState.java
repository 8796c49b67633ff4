package io.kinhealth.referral.commission;

/** Where a payout stands: requested (its money held on the ledger), then paid or failed. */
public enum PayoutState {
  REQUESTED,
  PAID,
  FAILED;

  public boolean isFinal() {
    return this != REQUESTED;
  }
}
