package io.kinhealth.referral.payment;

/**
 * What handling a provider's answer did. Notifications may arrive in any order and any number of times: only the
 * first final answer for a request (or for a split receiver) moves money.
 */
public enum NotificationOutcome {
  /** The answer moved the request on (and its money, if it became final). */
  APPLIED,
  /** The request already knew this. */
  DUPLICATE,
  /** The answer is older than what the request knows (a PENDING after a final answer): ignored. */
  STALE,
  /** No request has this key (another system's, or forged with a valid signature): ignored. */
  UNKNOWN_REQUEST,
  /** A final answer contradicting the request's final status: ignored and logged for investigation. */
  CONFLICT,
  /** The signature did not check out (or the provider is not configured): nothing was read. */
  REJECTED
}
