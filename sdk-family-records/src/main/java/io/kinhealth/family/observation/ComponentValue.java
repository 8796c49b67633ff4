package io.kinhealth.family.observation;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;
import java.util.Optional;

/**
 * One value of a reading in the canonical UCUM unit of its component (blood pressure has a systolic and a
 * diastolic value; single-valued types have one component called {@value ComponentType#VALUE}). A comparator marks
 * a bound, e.g. {@code < 2.2 mmol/L} for a CGM's "Low". Health values are personal data: not in {@code toString}.
 */
public record ComponentValue(String component, double value, Comparator comparator) {
  public ComponentValue {
    component = Check.text(component, "component", 64);
    if (!Double.isFinite(value)) { // the message is built only on failure: values are made at a million a second
      throw new ValidationException(component, "observation.value.not_finite", component + " must be a finite number");
    }
  }

  public static ComponentValue of(String component, double value) {
    return new ComponentValue(component, value, null);
  }

  public Optional<Comparator> knownComparator() {
    return Optional.ofNullable(comparator);
  }

  @Override
  public String toString() {
    return "ComponentValue[" + component + "]";
  }
}
