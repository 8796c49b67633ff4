package io.kinhealth.core.error;

/** The operation is not allowed in the aggregate's current state. Code {@link ErrorCode#INVALID_STATE}. */
public class InvalidStateException extends KinHealthException {
  private static final long serialVersionUID = 1L;

  public InvalidStateException(String reason, String field, String message) {
    super(ErrorCode.INVALID_STATE, reason, field, message);
  }

  public InvalidStateException(String reason, String field, String message, Throwable cause) {
    super(ErrorCode.INVALID_STATE, reason, field, message, cause);
  }
}
