package io.kinhealth.core.error;

/** An idempotency key was reused with a different payload than its first use; the first result stands. Code {@link ErrorCode#IDEMPOTENCY_CONFLICT}. */
public class IdempotencyConflictException extends KinHealthException {
  private static final long serialVersionUID = 1L;

  public IdempotencyConflictException(String reason, String field, String message) {
    super(ErrorCode.IDEMPOTENCY_CONFLICT, reason, field, message);
  }

  public IdempotencyConflictException(String reason, String field, String message, Throwable cause) {
    super(ErrorCode.IDEMPOTENCY_CONFLICT, reason, field, message, cause);
  }
}
