package io.kinhealth.core.error;

/** The request conflicts with current state, such as a stale optimistic-concurrency version. Code {@link ErrorCode#CONFLICT}. */
public class ConflictException extends KinHealthException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String reason, String field, String message) {
    super(ErrorCode.CONFLICT, reason, field, message);
  }

  public ConflictException(String reason, String field, String message, Throwable cause) {
    super(ErrorCode.CONFLICT, reason, field, message, cause);
  }
}
