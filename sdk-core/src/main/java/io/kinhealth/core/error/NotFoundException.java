package io.kinhealth.core.error;

/** The referenced aggregate does not exist. Code {@link ErrorCode#NOT_FOUND}. */
public class NotFoundException extends KinHealthException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String reason, String field, String message) {
    super(ErrorCode.NOT_FOUND, reason, field, message);
  }

  public NotFoundException(String reason, String field, String message, Throwable cause) {
    super(ErrorCode.NOT_FOUND, reason, field, message, cause);
  }
}
