package io.kinhealth.core.error;

import java.util.List;

/**
 * Input was rejected. Lists every violation found (a command is checked as a whole, so a user can fix all fields at
 * once); {@link #field()} is the first violation's field.
 */
public class ValidationException extends KinHealthException {
  private static final long serialVersionUID = 1L;

  private final List<FieldViolation> violations;

  public ValidationException(String field, String reason, String message) {
    this(List.of(new FieldViolation(field, reason, message)));
  }

  public ValidationException(List<FieldViolation> violations) {
    super(ErrorCode.VALIDATION, first(violations).reason(), first(violations).field(), describe(violations));
    this.violations = List.copyOf(violations);
  }

  private static FieldViolation first(List<FieldViolation> violations) {
    if (violations == null || violations.isEmpty()) {
      throw new IllegalArgumentException("a ValidationException needs at least one violation");
    }
    return violations.get(0);
  }

  private static String describe(List<FieldViolation> violations) {
    if (violations.size() == 1) {
      return violations.get(0).message();
    }
    StringBuilder sb = new StringBuilder(violations.size() + " violations:");
    for (FieldViolation v : violations) {
      sb.append(' ').append(v.field()).append(" (").append(v.reason()).append("): ").append(v.message()).append(';');
    }
    return sb.toString();
  }

  /** Every violation, in the order found. */
  public List<FieldViolation> violations() {
    return violations;
  }
}
