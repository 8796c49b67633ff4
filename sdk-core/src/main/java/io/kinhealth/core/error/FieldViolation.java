package io.kinhealth.core.error;

import java.util.Objects;

/**
 * One broken rule on one input field: its path (e.g. {@code lines[2].amount}), a stable reason and a message free
 * of personal data.
 */
public record FieldViolation(String field, String reason, String message) {
  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
