package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.document.DocumentId;
import jakarta.validation.constraints.NotNull;

/** The member (or her guardian) erases a document: its metadata and bytes. */
public record DeleteDocument(@NotNull IdempotencyKey key, @NotNull PersonId actor, @NotNull DocumentId document) {}
