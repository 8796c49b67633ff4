package io.kinhealth.referral.ledger;

/** Where a hold stands; every state but {@link #PENDING} is final. */
public enum HoldState {
  PENDING,
  POSTED,
  VOIDED,
  EXPIRED;

  public boolean isFinal() {
    return this != PENDING;
  }
}
