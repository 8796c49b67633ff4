package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.calendar.PregnancyId;
import io.kinhealth.family.calendar.PregnancyOutcome;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Records that a pregnancy ended on {@code endedOn} (a birth, a loss). */
public record EndPregnancy(@NotNull IdempotencyKey key, @NotNull PersonId actor, @NotNull PregnancyId pregnancy,
    @NotNull LocalDate endedOn, @NotNull PregnancyOutcome outcome) {
  @Override
  public String toString() {
    return "EndPregnancy[" + pregnancy + "]";
  }
}
