package io.kinhealth.referral.payment;

/**
 * What one reconciler pass did.
 *
 * @param checked requests queried
 * @param settled of those, how many became final (their money moved on the ledger)
 * @param resent how many the provider had never received and were sent again under the same key
 * @param open how many are still not final (each has its next check scheduled)
 */
public record ReconcileRun(int checked, int settled, int resent, int open) {}
