package io.kinhealth.core.error;

/** A configured or provider limit would be exceeded; the message names the limit. Code {@link ErrorCode#LIMIT_EXCEEDED}. */
public class LimitExceededException extends KinHealthException {
  private static final long serialVersionUID = 1L;

  public LimitExceededException(String reason, String field, String message) {
    super(ErrorCode.LIMIT_EXCEEDED, reason, field, message);
  }

  public LimitExceededException(String reason, String field, String message, Throwable cause) {
    super(ErrorCode.LIMIT_EXCEEDED, reason, field, message, cause);
  }
}
