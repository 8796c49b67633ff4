package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.family.triage.AlertId;
import io.kinhealth.family.triage.ReviewerId;
import jakarta.validation.constraints.NotNull;

/** A reviewer takes an alert: it stops escalating. */
public record AcknowledgeAlert(@NotNull IdempotencyKey key, @NotNull AlertId alert, @NotNull ReviewerId reviewer) {}
