package io.kinhealth.referral.ledger;

/**
 * The side on which an account's balance grows. A {@link #CREDIT} account (what the platform owes: earnings,
 * clearing, its own revenue) grows with credits; a {@link #DEBIT} account (what the platform holds or is owed: money
 * at a provider, a party's debt) grows with debits.
 */
public enum NormalSide {
  DEBIT,
  CREDIT
}
