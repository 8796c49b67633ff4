package io.kinhealth.core.error;

import java.util.Objects;
import java.util.Optional;

/**
 * Base of every exception the SDK throws on purpose.
 *
 * <p>Guarantees: a stable {@link #code()}, a stable dot-separated {@link #reason()} (for example
 * {@code money.currency_mismatch}) that hosts may switch on, the offending {@link #field()} when there is one, and a
 * message that never contains personal data (names, mobile numbers, resident ids, health values are never put into
 * messages by the SDK).
 */
public class KinHealthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String reason;
  private final String field;

  public KinHealthException(ErrorCode code, String reason, String field, String message) {
    this(code, reason, field, message, null);
  }

  public KinHealthException(ErrorCode code, String reason, String field, String message, Throwable cause) {
    super(compose(code, reason, field, message), cause);
    this.code = Objects.requireNonNull(code, "code");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.field = field;
  }

  private static String compose(ErrorCode code, String reason, String field, String message) {
    StringBuilder sb = new StringBuilder().append(code).append(' ').append(reason);
    if (field != null) {
      sb.append(" [").append(field).append(']');
    }
    if (message != null && !message.isEmpty()) {
      sb.append(": ").append(message);
    }
    return sb.toString();
  }

  /** The coarse, stable category. */
  public ErrorCode code() {
    return code;
  }

  /** A stable, dot-separated machine-readable cause, e.g. {@code resident_id.check_digit}. */
  public String reason() {
    return reason;
  }

  /** The path of the offending input field, when the error is about one field. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
