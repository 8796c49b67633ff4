package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.graph.FamilyId;
import jakarta.validation.constraints.NotNull;

/** The owner removes any other member; a manager removes ordinary members. */
public record RemoveMember(@NotNull IdempotencyKey key, @NotNull FamilyId family, @NotNull PersonId actor,
    @NotNull PersonId member) {}
