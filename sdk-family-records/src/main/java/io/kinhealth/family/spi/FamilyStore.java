package io.kinhealth.family.spi;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.family.graph.Family;
import io.kinhealth.family.graph.FamilyId;
import io.kinhealth.family.graph.Invitation;
import io.kinhealth.family.graph.InvitationId;
import io.kinhealth.family.graph.MemberProfile;
import java.util.List;
import java.util.Optional;

/**
 * Stores families (aggregates of memberships, relationships and guardianships), invitations and member profiles.
 *
 * <p>Contract (checked by {@code FamilyStoreContractKit} in kinhealth-testkit):
 * <ul>
 *   <li>every write takes an idempotency key and the digest of the request behind it: the same key with the same
 *       digest returns the first result without writing again; the same key with another digest throws
 *       {@link io.kinhealth.core.error.IdempotencyConflictException}; {@link #findWrite} tells what a key wrote;
 *   <li>creating stores version 1 and fails with {@link io.kinhealth.core.error.ConflictException} if the id exists;
 *       updating stores {@code expectedVersion + 1} and fails with {@code ConflictException} (reason
 *       {@code family.version_conflict}) unless the stored version equals {@code expectedVersion};
 *   <li>{@link #familiesOf} lists the families in which a person has an active membership (a few rows through an
 *       index on members); invitations for an invitee are read a page at a time, newest first;
 *   <li>a write that throws leaves nothing behind; writes join the caller's
 *       {@link io.kinhealth.core.spi.TransactionRunner} transaction.
 * </ul>
 * A JDBC implementation maps a family to one row (a JSON document or child rows) plus a membership index.
 */
public interface FamilyStore {

  Family createFamily(IdempotencyKey key, String requestDigest, Family family);

  Family updateFamily(IdempotencyKey key, String requestDigest, Family family, long expectedVersion);

  Optional<Family> findFamily(FamilyId id);

  /** Families in which {@code person} is an active member, ordered by id. */
  List<FamilyId> familiesOf(PersonId person);

  /** Stores a new invitation ({@code expectedVersion} 0) or a changed one; returns it at its new version. */
  Invitation saveInvitation(IdempotencyKey key, String requestDigest, Invitation invitation, long expectedVersion);

  Optional<Invitation> findInvitation(InvitationId id);

  /** Invitations sent to {@code invitee}, newest first, a page at a time. */
  Page<Invitation> invitationsFor(PersonId invitee, PageRequest page);

  /** Stores a new profile ({@code expectedVersion} 0) or a changed one; returns it at its new version. */
  MemberProfile saveProfile(IdempotencyKey key, String requestDigest, MemberProfile profile, long expectedVersion);

  Optional<MemberProfile> findProfile(PersonId person);

  /** What the write under {@code key} was and what it produced, if a write used that key. */
  Optional<StoredWrite> findWrite(IdempotencyKey key);
}
