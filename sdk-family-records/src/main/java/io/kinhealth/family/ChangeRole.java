package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.graph.FamilyId;
import io.kinhealth.family.graph.MemberRole;
import jakarta.validation.constraints.NotNull;

/** The owner changes a member's role; giving OWNER hands ownership over (the old owner becomes a manager). */
public record ChangeRole(@NotNull IdempotencyKey key, @NotNull FamilyId family, @NotNull PersonId owner,
    @NotNull PersonId member, @NotNull MemberRole role) {}
