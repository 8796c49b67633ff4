package io.kinhealth.referral.ledger;

/** What one transfer in a journal entry does (TigerBeetle's single-phase and two-phase transfers). */
public enum TransferKind {
  /** Moves money at once from the debit account to the credit account. */
  POST,
  /** Reserves money: pending on both accounts until the hold is posted, voided or expires. */
  HOLD,
  /** Settles a pending hold, all of it or part (the rest is released). */
  POST_HOLD,
  /** Releases a pending hold without moving money. */
  VOID_HOLD,
  /** Releases a pending hold whose time ran out; written only by the ledger's expiry sweep. */
  EXPIRE_HOLD
}
