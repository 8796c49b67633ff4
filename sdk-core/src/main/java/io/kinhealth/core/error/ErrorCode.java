package io.kinhealth.core.error;

/**
 * The stable, coarse category of every {@link KinHealthException}.
 *
 * <p>Codes never change meaning once released; a host may map them to HTTP statuses or user messages. The finer
 * machine-readable cause is the exception's {@link KinHealthException#reason() reason}.
 */
public enum ErrorCode {
  /** The input is malformed or breaks a rule; the {@code field} names what to fix. Maps naturally to HTTP 400. */
  VALIDATION,
  /** The referenced aggregate does not exist (HTTP 404). */
  NOT_FOUND,
  /** The request conflicts with current state, e.g. a stale version under optimistic concurrency (HTTP 409). */
  CONFLICT,
  /** An idempotency key was replayed with a different payload than its first use (HTTP 409/422). */
  IDEMPOTENCY_CONFLICT,
  /** The caller may not do this, e.g. no consent or no guardianship (HTTP 403). */
  FORBIDDEN,
  /** The operation is not allowed in the aggregate's current state, e.g. paying a cancelled commission. */
  INVALID_STATE,
  /** A configured limit would be exceeded, e.g. a payment provider's receiver count or a daily cap. */
  LIMIT_EXCEEDED,
  /** Stored data failed an integrity check, e.g. a broken audit hash chain. */
  INTEGRITY,
  /** A host-provided store or gateway failed; the operation left no partial effect and may be retried. */
  UNAVAILABLE
}
