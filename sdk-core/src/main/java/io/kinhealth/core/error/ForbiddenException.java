package io.kinhealth.core.error;

/** The caller is not permitted to do this (no consent, no guardianship, a compliance guard). Code {@link ErrorCode#FORBIDDEN}. */
public class ForbiddenException extends KinHealthException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String reason, String field, String message) {
    super(ErrorCode.FORBIDDEN, reason, field, message);
  }

  public ForbiddenException(String reason, String field, String message, Throwable cause) {
    super(ErrorCode.FORBIDDEN, reason, field, message, cause);
  }
}
