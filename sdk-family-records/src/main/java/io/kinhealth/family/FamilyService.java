package io.kinhealth.family;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.IdGenerator;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import io.kinhealth.core.validation.CommandValidator;
import io.kinhealth.family.graph.Family;
import io.kinhealth.family.graph.FamilyId;
import io.kinhealth.family.graph.Guardianship;
import io.kinhealth.family.graph.GuardianshipBasis;
import io.kinhealth.family.graph.GuardianshipRules;
import io.kinhealth.family.graph.Invitation;
import io.kinhealth.family.graph.InvitationId;
import io.kinhealth.family.graph.InvitationStatus;
import io.kinhealth.family.graph.KinshipRole;
import io.kinhealth.family.graph.MemberProfile;
import io.kinhealth.family.graph.MemberRole;
import io.kinhealth.family.graph.Membership;
import io.kinhealth.family.graph.Relationship;
import io.kinhealth.family.graph.ViewerStanding;
import io.kinhealth.family.internal.DerivedKeys;
import io.kinhealth.family.internal.RequestDigest;
import io.kinhealth.family.spi.FamilyStore;
import io.kinhealth.family.spi.StoredWrite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The family graph: founding families, invitations the invitee accepts, leaving and removal, roles, relationships
 * and guardianship periods, and the standing a viewer has towards a member.
 *
 * <p>Guarantees: every command is idempotent under its key (a replay returns the aggregate the first call wrote, as
 * stored now; the same key with another command is an {@link IdempotencyConflictException}); concurrent changes to
 * one family are detected by its version ({@link ConflictException}, retry with fresh state); a guardianship lasts
 * until the ward's 18th birthday and no longer, whatever the clock does later; nobody outside a family can act on
 * it. Thread-safe; built by {@link FamilyRecords}.
 */
public final class FamilyService {
  /** How long an invitation stays open. */
  public static final Duration INVITATION_TTL = Duration.ofDays(7);

  private final FamilyStore store;
  private final TransactionRunner tx;
  private final IdGenerator ids;
  private final Clock clock;
  private final GuardianshipRules rules;
  private final CommandValidator validator;

  FamilyService(FamilyStore store, TransactionRunner tx, IdGenerator ids, Clock clock, GuardianshipRules rules,
      CommandValidator validator) {
    this.store = store;
    this.tx = tx;
    this.ids = ids;
    this.clock = clock;
    this.rules = rules;
    this.validator = validator;
  }

  public GuardianshipRules rules() {
    return rules;
  }

  /** Founds a family. */
  public Family create(CreateFamily cmd) {
    validate(cmd);
    String digest = RequestDigest.of("create", cmd.owner());
    return replayOr(cmd.key(), digest, this::family, () -> store.createFamily(cmd.key(), digest,
        Family.founded(FamilyId.of(ids.newId()), cmd.owner(), clock.instant())));
  }

  /** Records or updates a person's profile (birth date and zone). */
  public MemberProfile registerProfile(RegisterProfile cmd) {
    validate(cmd);
    String digest = RequestDigest.of("profile", cmd.person(), cmd.birthDate(), cmd.zone());
    if (cmd.birthDate() != null) {
      Check.that(!cmd.birthDate().isAfter(LocalDate.now(clock)), "birthDate", "profile.birth_date_future",
          "the birth date is in the future");
    }
    return replayOr(cmd.key(), digest, id -> profile(PersonId.of(id)), () -> tx.inTransaction(() -> {
      Optional<MemberProfile> current = store.findProfile(cmd.person());
      return store.saveProfile(cmd.key(), digest, MemberProfile.of(cmd.person(), cmd.birthDate(), cmd.zone()),
          current.map(MemberProfile::version).orElse(0L));
    }));
  }

  /** Invites someone; returns the pending invitation. */
  public Invitation invite(InviteMember cmd) {
    validate(cmd);
    String digest = RequestDigest.of("invite", cmd.family(), cmd.inviter(), cmd.invitee(), cmd.relationship(),
        cmd.role());
    return replayOr(cmd.key(), digest, id -> invitation(InvitationId.of(id)), () -> {
      Family f = family(cmd.family());
      requireAdministrator(f, cmd.inviter());
      if (f.isActiveMember(cmd.invitee())) {
        throw new ConflictException("family.member.already", "invitee", "the invitee is already a member");
      }
      Instant now = clock.instant();
      Invitation inv = new Invitation(InvitationId.of(ids.newId()), f.id(), cmd.inviter(), cmd.invitee(),
          cmd.relationship(), cmd.role(), InvitationStatus.PENDING, now, now.plus(INVITATION_TTL), null, 0);
      return store.saveInvitation(cmd.key(), digest, inv, 0);
    });
  }

  /** The invitee accepts (joining the family with the proposed role and relationship) or declines. */
  public Invitation respond(RespondToInvitation cmd) {
    validate(cmd);
    String digest = RequestDigest.of("respond", cmd.invitation(), cmd.invitee(), cmd.accept());
    return replayOr(cmd.key(), digest, id -> invitation(InvitationId.of(id)), () -> tx.inTransaction(() -> {
      Invitation inv = invitation(cmd.invitation());
      if (!inv.invitee().equals(cmd.invitee())) {
        throw new ForbiddenException("family.invitation.not_invitee", "invitee",
            "only the person invited can respond to an invitation");
      }
      Instant now = clock.instant();
      InvitationStatus status = inv.statusAt(now);
      if (status != InvitationStatus.PENDING) {
        throw new InvalidStateException("family.invitation." + status.name().toLowerCase(java.util.Locale.ROOT),
            "invitation", "the invitation is " + status + " and can no longer be answered");
      }
      if (cmd.accept()) {
        Family f = family(inv.family());
        if (!f.isActiveMember(inv.inviter())) {
          throw new InvalidStateException("family.invitation.inviter_gone", "invitation",
              "the person who invited you has left the family");
        }
        if (f.isActiveMember(inv.invitee())) {
          throw new ConflictException("family.member.already", "invitee", "already a member");
        }
        // the invitation says: the invitee is the inviter's <relationship>
        Family joined = f.withMember(inv.invitee(), inv.role(),
            new Relationship(inv.inviter(), inv.invitee(), inv.relationship()), now);
        store.updateFamily(DerivedKeys.derive(cmd.key(), "family"), digest, joined, f.version());
      }
      return store.saveInvitation(cmd.key(), digest,
          inv.responded(cmd.accept() ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED, now), inv.version());
    }));
  }

  /** A member leaves; their guardianships (either side) in this family end today. */
  public Family leave(LeaveFamily cmd) {
    validate(cmd);
    String digest = RequestDigest.of("leave", cmd.family(), cmd.member());
    return replayOr(cmd.key(), digest, this::family, () -> {
      Family f = family(cmd.family());
      Membership m = f.activeMembership(cmd.member()).orElseThrow(() -> new NotFoundException(
          "family.member.not_found", "member", "not an active member of this family"));
      if (m.role() == MemberRole.OWNER && f.activeMembers().size() > 1) {
        throw new InvalidStateException("family.owner.must_transfer", "member",
            "the owner hands ownership to another member before leaving");
      }
      return store.updateFamily(cmd.key(), digest, f.withoutMember(cmd.member(), Membership.EndReason.LEFT,
          clock.instant(), today(cmd.member())), f.version());
    });
  }

  /** The owner (or a manager, for ordinary members) removes a member. */
  public Family remove(RemoveMember cmd) {
    validate(cmd);
    String digest = RequestDigest.of("remove", cmd.family(), cmd.actor(), cmd.member());
    return replayOr(cmd.key(), digest, this::family, () -> {
      Family f = family(cmd.family());
      MemberRole actorRole = requireAdministrator(f, cmd.actor());
      Membership target = f.activeMembership(cmd.member()).orElseThrow(() -> new NotFoundException(
          "family.member.not_found", "member", "not an active member of this family"));
      if (cmd.actor().equals(cmd.member())) {
        throw new ValidationException("member", "family.remove.self", "to leave, use leave");
      }
      if (target.role() == MemberRole.OWNER || (actorRole == MemberRole.MANAGER && target.role() != MemberRole.MEMBER)) {
        throw new ForbiddenException("family.remove.not_allowed", "member",
            "a manager removes only ordinary members, and nobody removes the owner");
      }
      return store.updateFamily(cmd.key(), digest, f.withoutMember(cmd.member(), Membership.EndReason.REMOVED,
          clock.instant(), today(cmd.member())), f.version());
    });
  }

  /** The owner changes a member's role; giving OWNER hands ownership over. */
  public Family changeRole(ChangeRole cmd) {
    validate(cmd);
    String digest = RequestDigest.of("role", cmd.family(), cmd.owner(), cmd.member(), cmd.role());
    return replayOr(cmd.key(), digest, this::family, () -> {
      Family f = family(cmd.family());
      if (!f.owner().equals(cmd.owner())) {
        throw new ForbiddenException("family.role.not_owner", "owner", "only the owner changes roles");
      }
      if (!f.isActiveMember(cmd.member()) || cmd.member().equals(cmd.owner())) {
        throw new ValidationException("member", "family.role.member", "choose another active member");
      }
      Instant now = clock.instant();
      Family next = cmd.role() == MemberRole.OWNER
          ? f.withOwnershipHandedTo(cmd.member(), now)
          : f.withRole(cmd.member(), cmd.role(), now);
      return store.updateFamily(cmd.key(), digest, next, f.version());
    });
  }

  /** Records a guardianship from today until the ward's 18th birthday. */
  public Family declareGuardianship(DeclareGuardianship cmd) {
    validate(cmd);
    String digest = RequestDigest.of("guardian", cmd.family(), cmd.actor(), cmd.guardian(), cmd.ward(), cmd.basis());
    return replayOr(cmd.key(), digest, this::family, () -> {
      Family f = family(cmd.family());
      requireAdministrator(f, cmd.actor());
      for (PersonId p : List.of(cmd.guardian(), cmd.ward())) {
        if (!f.isActiveMember(p)) {
          throw new ValidationException(p.equals(cmd.guardian()) ? "guardian" : "ward", "family.member.not_found",
              "guardian and ward must both be active members");
        }
      }
      if (cmd.basis() == GuardianshipBasis.PARENT
          && !f.relationship(cmd.ward(), cmd.guardian()).map(KinshipRole::isParent).orElse(false)) {
        throw new ValidationException("guardian", "family.guardianship.not_parent",
            "the family does not record the guardian as the ward's parent");
      }
      MemberProfile ward = store.findProfile(cmd.ward()).orElse(null);
      if (ward == null || ward.birthDate() == null) {
        throw new ValidationException("ward", "family.guardianship.birth_date_unknown",
            "the ward's birth date is needed to know when the guardianship ends");
      }
      LocalDate today = LocalDate.now(clock.withZone(ward.zone()));
      if (rules.isAdult(ward.birthDate(), today)) {
        throw new ValidationException("ward", "family.guardianship.adult", "an adult has no guardian");
      }
      if (f.guardianship(cmd.guardian(), cmd.ward(), today).isPresent()) {
        throw new ConflictException("family.guardianship.exists", "guardian", "this guardianship is already recorded");
      }
      Guardianship g = new Guardianship(cmd.guardian(), cmd.ward(), cmd.basis(), today,
          rules.adulthood(ward.birthDate()));
      return store.updateFamily(cmd.key(), digest, f.withGuardianship(g, clock.instant()), f.version());
    });
  }

  /** The family, or {@link NotFoundException}. */
  public Family family(FamilyId id) {
    return store.findFamily(Check.notNull(id, "family")).orElseThrow(() -> new NotFoundException("family.not_found",
        "family", "no such family"));
  }

  private Family family(String id) {
    return family(FamilyId.of(id));
  }

  public Invitation invitation(InvitationId id) {
    return store.findInvitation(Check.notNull(id, "invitation")).orElseThrow(() -> new NotFoundException(
        "family.invitation.not_found", "invitation", "no such invitation"));
  }

  public MemberProfile profile(PersonId person) {
    return store.findProfile(Check.notNull(person, "person")).orElseGet(() -> MemberProfile.of(person, null, null));
  }

  /** The families {@code person} belongs to now. */
  public List<Family> familiesOf(PersonId person) {
    return store.familiesOf(Check.notNull(person, "person")).stream().map(this::family).toList();
  }

  /**
   * The standing {@code viewer} has towards {@code subject} now: SELF, guardian of a child under 14, guardian of a
   * minor from 14, relative (shares an active family), or NONE. Ages are counted in the subject's zone.
   */
  public ViewerStanding standing(PersonId viewer, PersonId subject) {
    Check.notNull(viewer, "viewer");
    Check.notNull(subject, "subject");
    if (viewer.equals(subject)) {
      return ViewerStanding.SELF;
    }
    MemberProfile profile = profile(subject);
    LocalDate today = LocalDate.now(clock.withZone(profile.zone()));
    ViewerStanding best = ViewerStanding.NONE;
    for (FamilyId id : store.familiesOf(viewer)) {
      Family f = family(id);
      if (!f.isActiveMember(subject)) {
        continue;
      }
      best = ViewerStanding.RELATIVE;
      if (f.guardianship(viewer, subject, today).isPresent() && profile.birthDate() != null
          && !rules.isAdult(profile.birthDate(), today)) {
        return rules.consentsForSelf(profile.birthDate(), today) ? ViewerStanding.GUARDIAN_OF_MINOR
            : ViewerStanding.GUARDIAN_OF_CHILD;
      }
    }
    return best;
  }

  /** Whether {@code actor} may record readings for {@code subject}: themselves, or a guardian before the 18th birthday. */
  public boolean manages(PersonId actor, PersonId subject) {
    ViewerStanding s = standing(actor, subject);
    return s == ViewerStanding.SELF || s == ViewerStanding.GUARDIAN_OF_CHILD || s == ViewerStanding.GUARDIAN_OF_MINOR;
  }

  private LocalDate today(PersonId person) {
    return LocalDate.now(clock.withZone(profile(person).zone()));
  }

  private MemberRole requireAdministrator(Family f, PersonId actor) {
    MemberRole role = f.activeMembership(actor).map(Membership::role).orElseThrow(() -> new ForbiddenException(
        "family.not_member", "actor", "only members act on a family"));
    if (!role.administers()) {
      throw new ForbiddenException("family.not_administrator", "actor", "only the owner or a manager may do this");
    }
    return role;
  }

  private <T> T replayOr(IdempotencyKey key, String digest, Function<String, T> load, Supplier<T> work) {
    Optional<StoredWrite> prior = store.findWrite(key);
    if (prior.isPresent()) {
      if (!prior.get().requestDigest().equals(digest)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "key",
            "this idempotency key was first used with a different command");
      }
      return load.apply(prior.get().resultId());
    }
    return work.get();
  }

  private void validate(Object cmd) {
    Check.notNull(cmd, "command");
    validator.validate(cmd);
  }
}
