package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.graph.InvitationId;
import jakarta.validation.constraints.NotNull;

/** The invitee accepts or declines an invitation; nobody else can. */
public record RespondToInvitation(@NotNull IdempotencyKey key, @NotNull InvitationId invitation,
    @NotNull PersonId invitee, boolean accept) {}
