package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * Registers a pregnancy dated from the last menstrual period. {@code cycleLength} null means: learned from the
 * member's cycle log, else 28 days. Pre-pregnancy weight (kg) and height (cm) place her in a weight-gain band; either
 * may be null (no band then).
 */
public record RegisterPregnancy(@NotNull IdempotencyKey key, @NotNull PersonId actor, @NotNull PersonId subject,
    @NotNull LocalDate lastMenstrualPeriod, Integer cycleLength, Double prePregnancyWeightKg, Double heightCm) {
  @Override
  public String toString() {
    return "RegisterPregnancy[" + subject + "]";
  }
}
