package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.graph.FamilyId;
import io.kinhealth.family.graph.KinshipRole;
import io.kinhealth.family.graph.MemberRole;
import jakarta.validation.constraints.NotNull;

/**
 * An owner or manager invites {@code invitee} to join, proposing that the invitee is the inviter's
 * {@code relationship} (e.g. DAU) and will take {@code role} (MEMBER or MANAGER).
 */
public record InviteMember(@NotNull IdempotencyKey key, @NotNull FamilyId family, @NotNull PersonId inviter,
    @NotNull PersonId invitee, @NotNull KinshipRole relationship, @NotNull MemberRole role) {}
