package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import jakarta.validation.constraints.NotNull;

/** Founds a family with {@code owner} as its owner and only member. */
public record CreateFamily(@NotNull IdempotencyKey key, @NotNull PersonId owner) {}
