package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Records (or updates) what family records need to know about a person: birth date (for guardianship; may be null
 * when unknown) and the zone their days are counted in (null: Asia/Shanghai).
 */
public record RegisterProfile(@NotNull IdempotencyKey key, @NotNull PersonId person, LocalDate birthDate,
    ZoneId zone) {
  @Override
  public String toString() {
    return "RegisterProfile[" + person + "]";
  }
}
