package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.family.triage.AlertId;
import io.kinhealth.family.triage.Resolution;
import io.kinhealth.family.triage.ReviewerId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reviewer closes an alert with an outcome and an optional note (free text kept with the alert, never logged);
 * after it the condition can raise a new alert from newer readings.
 */
public record ResolveAlert(@NotNull IdempotencyKey key, @NotNull AlertId alert, @NotNull ReviewerId reviewer,
    @NotNull Resolution resolution, @Size(max = 2000) String note) {
  @Override
  public String toString() {
    return "ResolveAlert[" + alert + ", " + resolution + "]";
  }
}
