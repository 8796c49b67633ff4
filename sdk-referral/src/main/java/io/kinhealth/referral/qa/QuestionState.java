package io.kinhealth.referral.qa;

/**
 * Where a paid question stands. The asker's money waits in escrow (a clearing account on the ledger) until the
 * question ends {@link #ACCEPTED} (the money becomes a paid order split by the rules) or {@link #REFUNDED}.
 */
public enum QuestionState {
  /** Waiting for an answerer (a crowd question nobody holds, or an expert question not yet answered). */
  OPEN,
  /** A staff member grabbed the crowd question and holds it until the grab lapses. */
  GRABBED,
  /** The grabber answered; the asker's acceptance (or the deadline) is next. */
  ANSWERED,
  /** Answer accepted and paid: the bounty or fee was split; readers may unlock the answer. */
  ACCEPTED,
  /** Nobody answered in time: the asker was refunded in full. */
  REFUNDED;

  public boolean isFinal() {
    return this == ACCEPTED || this == REFUNDED;
  }
}
