package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.graph.FamilyId;
import io.kinhealth.family.graph.GuardianshipBasis;
import jakarta.validation.constraints.NotNull;

/**
 * An owner or manager records that {@code guardian} manages the record of the minor {@code ward}, from today until
 * the ward's 18th birthday. A PARENT basis needs the family to record the guardian as the ward's parent.
 */
public record DeclareGuardianship(@NotNull IdempotencyKey key, @NotNull FamilyId family, @NotNull PersonId actor,
    @NotNull PersonId guardian, @NotNull PersonId ward, @NotNull GuardianshipBasis basis) {}
