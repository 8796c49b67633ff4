package io.kinhealth.core.error;

/** Stored data failed an integrity check, such as a broken hash chain. Code {@link ErrorCode#INTEGRITY}. */
public class IntegrityException extends KinHealthException {
  private static final long serialVersionUID = 1L;

  public IntegrityException(String reason, String field, String message) {
    super(ErrorCode.INTEGRITY, reason, field, message);
  }

  public IntegrityException(String reason, String field, String message, Throwable cause) {
    super(ErrorCode.INTEGRITY, reason, field, message, cause);
  }
}
