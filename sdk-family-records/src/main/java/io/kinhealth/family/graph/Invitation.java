package io.kinhealth.family.graph;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * An invitation for {@code invitee} to join a family, sent by {@code inviter}, proposing how the invitee relates to
 * the inviter ({@code relationship}: the invitee is the inviter's ...) and the role they would take. Only the invitee
 * can accept or decline it, before it expires. Versioned for optimistic concurrency.
 */
public record Invitation(
    InvitationId id,
    FamilyId family,
    PersonId inviter,
    PersonId invitee,
    KinshipRole relationship,
    MemberRole role,
    InvitationStatus status,
    Instant createdAt,
    Instant expiresAt,
    Instant respondedAt,
    long version) {

  public Invitation {
    Check.notNull(id, "id");
    Check.notNull(family, "family");
    Check.notNull(inviter, "inviter");
    Check.notNull(invitee, "invitee");
    Check.notNull(relationship, "relationship");
    Check.notNull(role, "role");
    Check.notNull(status, "status");
    Check.notNull(createdAt, "createdAt");
    Check.notNull(expiresAt, "expiresAt");
    Check.that(role != MemberRole.OWNER, "role", "family.invitation.owner_role",
        "nobody joins as owner: ownership is transferred");
    Check.that(!inviter.equals(invitee), "invitee", "family.invitation.self", "one cannot invite oneself");
    Check.notNegative(version, "version");
  }

  /** The invitation's status at {@code now}: a pending invitation past its expiry is EXPIRED. */
  public InvitationStatus statusAt(Instant now) {
    return status == InvitationStatus.PENDING && !now.isBefore(expiresAt) ? InvitationStatus.EXPIRED : status;
  }

  public Invitation responded(InvitationStatus newStatus, Instant at) {
    return new Invitation(id, family, inviter, invitee, relationship, role, newStatus, createdAt, expiresAt, at,
        version);
  }

  public Invitation withVersion(long newVersion) {
    return new Invitation(id, family, inviter, invitee, relationship, role, status, createdAt, expiresAt, respondedAt,
        newVersion);
  }

  public Optional<Instant> knownRespondedAt() {
    return Optional.ofNullable(respondedAt);
  }
}
