package io.kinhealth.family.observation;

import io.kinhealth.core.validation.Check;
import java.util.Optional;

/**
 * One measured quantity of an observation type: its key, its code (LOINC where one exists), its canonical UCUM unit,
 * the range of values a person can physically have (anything outside is rejected as a device or typing error), the
 * tolerance within which two sources are taken to have seen the same measurement, and the default target range for
 * time-in-range (may be null).
 */
public record ComponentType(
    String key,
    Coding coding,
    String ucumUnit,
    ValueRange plausible,
    double duplicateTolerance,
    ValueRange targetRange) {

  /** The component key of single-valued types. */
  public static final String VALUE = "value";

  public ComponentType {
    key = Check.text(key, "component.key", 64);
    Check.notNull(coding, "component.coding");
    ucumUnit = Check.text(ucumUnit, "component.ucumUnit", 32);
    Check.notNull(plausible, "component.plausible");
    Check.that(duplicateTolerance >= 0 && Double.isFinite(duplicateTolerance), "component.duplicateTolerance",
        "component.tolerance_invalid", "duplicateTolerance must be a finite non-negative number");
  }

  public Optional<ValueRange> knownTargetRange() {
    return Optional.ofNullable(targetRange);
  }
}
