package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.graph.FamilyId;
import jakarta.validation.constraints.NotNull;

/** A member leaves a family (an owner first hands ownership over, unless they are the last member). */
public record LeaveFamily(@NotNull IdempotencyKey key, @NotNull FamilyId family, @NotNull PersonId member) {}
