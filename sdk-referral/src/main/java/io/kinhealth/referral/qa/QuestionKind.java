package io.kinhealth.referral.qa;

/** How a paid question finds its answerer. */
public enum QuestionKind {
  /** A bounty to the crowd: qualified staff grab it, first come first served, and the asker accepts one answer. */
  CROWD,
  /** A named expert of a department at the expert's price, refunded in full if unanswered by the deadline. */
  EXPERT
}
