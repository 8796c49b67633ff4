package io.kinhealth.core.id;

/**
 * Base of value types that hold personal data as a string: equality by class and value, and a {@link #toString()}
 * that is always the masked form, so the value cannot reach a log line by accident.
 */
abstract class PersonalValue {
  final String value;

  PersonalValue(String value) {
    this.value = value;
  }

  /** The display form with most characters masked. */
  public abstract String masked();

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((PersonalValue) o).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** Always masked. */
  @Override
  public final String toString() {
    return masked();
  }
}
