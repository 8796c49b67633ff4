package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** {@code actor} (the member, or her guardian while she is a minor) logs a period that started on {@code start}. */
public record LogPeriod(@NotNull IdempotencyKey key, @NotNull PersonId actor, @NotNull PersonId subject,
    @NotNull LocalDate start, LocalDate end) {
  @Override
  public String toString() {
    return "LogPeriod[" + subject + "]";
  }
}
