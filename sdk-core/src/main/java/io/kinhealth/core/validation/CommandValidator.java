package io.kinhealth.core.validation;

import io.kinhealth.core.error.FieldViolation;
import io.kinhealth.core.error.ValidationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The validation facade every service uses at its boundary: runs Jakarta Validation (3.0 API) on a command and turns
 * all violations into one {@link ValidationException} that lists each field path and message.
 *
 * <p>Thread-safe. Build it once: {@link #ofDefaults()} bootstraps the provider on the class path (Hibernate
 * Validator), {@link #of(Validator)} reuses the host's (a Spring Boot host passes its own {@code Validator} bean).
 */
public final class CommandValidator {
  private static final class DefaultHolder {
    static final CommandValidator INSTANCE =
        new CommandValidator(Validation.buildDefaultValidatorFactory().getValidator());
  }

  private final Validator validator;

  private CommandValidator(Validator validator) {
    this.validator = validator;
  }

  /** A validator over the default Jakarta Validation provider, created once per class loader. */
  public static CommandValidator ofDefaults() {
    return DefaultHolder.INSTANCE;
  }

  /** A validator that delegates to the given Jakarta {@link Validator}. */
  public static CommandValidator of(Validator validator) {
    return new CommandValidator(Check.notNull(validator, "validator"));
  }

  /**
   * Returns the command unchanged if it is valid; otherwise throws one {@link ValidationException} listing every
   * violation sorted by field path. A null command is itself a violation of the field {@code command}.
   */
  public <T> T validate(T command) {
    Check.notNull(command, "command");
    Set<ConstraintViolation<T>> found = validator.validate(command);
    if (found.isEmpty()) {
      return command;
    }
    List<FieldViolation> violations = new ArrayList<>(found.size());
    for (ConstraintViolation<T> v : found) {
      String path = v.getPropertyPath().toString();
      violations.add(new FieldViolation(path.isEmpty() ? "command" : path, reasonOf(v), v.getMessage()));
    }
    violations.sort(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::reason));
    throw new ValidationException(violations);
  }

  /** {@code NotBlank} becomes {@code not_blank}: a stable reason derived from the constraint's annotation. */
  private static String reasonOf(ConstraintViolation<?> v) {
    String name = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        sb.append('_');
      }
      sb.append(Character.toLowerCase(c));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
