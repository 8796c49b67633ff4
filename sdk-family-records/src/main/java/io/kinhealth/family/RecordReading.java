package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.observation.Reading;
import jakarta.validation.constraints.NotNull;

/** {@code actor} records a reading for its subject: their own, or a ward's while they are the ward's guardian. */
public record RecordReading(@NotNull IdempotencyKey key, @NotNull PersonId actor, @NotNull Reading reading) {}
