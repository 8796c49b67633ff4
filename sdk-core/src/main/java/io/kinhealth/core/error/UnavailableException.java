package io.kinhealth.core.error;

/** A host store or gateway failed; nothing was partially written and the operation may be retried. Code {@link ErrorCode#UNAVAILABLE}. */
public class UnavailableException extends KinHealthException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String reason, String field, String message) {
    super(ErrorCode.UNAVAILABLE, reason, field, message);
  }

  public UnavailableException(String reason, String field, String message, Throwable cause) {
    super(ErrorCode.UNAVAILABLE, reason, field, message, cause);
  }
}
