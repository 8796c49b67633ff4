package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Removes a mistaken period entry. */
public record RemovePeriod(@NotNull IdempotencyKey key, @NotNull PersonId actor, @NotNull PersonId subject,
    @NotNull LocalDate start) {
  @Override
  public String toString() {
    return "RemovePeriod[" + subject + "]";
  }
}
