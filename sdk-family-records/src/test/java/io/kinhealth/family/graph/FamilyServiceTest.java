package io.kinhealth.family.graph;

import static io.kinhealth.family.support.Family4.DAUGHTER;
import static io.kinhealth.family.support.Family4.FATHER;
import static io.kinhealth.family.support.Family4.MOTHER;
import static io.kinhealth.family.support.Family4.SON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.KinHealthException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.model.Zones;
import io.kinhealth.family.ChangeRole;
import io.kinhealth.family.CreateFamily;
import io.kinhealth.family.DeclareGuardianship;
import io.kinhealth.family.FamilyService;
import io.kinhealth.family.InviteMember;
import io.kinhealth.family.LeaveFamily;
import io.kinhealth.family.RemoveMember;
import io.kinhealth.family.RespondToInvitation;
import io.kinhealth.family.support.Family4;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FamilyServiceTest {
  private final Family4 f = new Family4();
  private final FamilyService families = f.records.families();
  private static final PersonId GRANDMA = PersonId.of("p-grandma");
  private static final PersonId STRANGER = PersonId.of("p-stranger");

  @Nested
  @DisplayName("membership")
  class Membership_ {
    @Test
    @DisplayName("the founder owns the family; invited members joined with their roles and relationships")
    void foundedAndJoined() {
      Family family = families.family(f.family);
      assertThat(family.owner()).isEqualTo(MOTHER);
      assertThat(family.activeMembers()).containsExactly(MOTHER, FATHER, DAUGHTER, SON);
      assertThat(family.activeMembership(FATHER).orElseThrow().role()).isEqualTo(MemberRole.MANAGER);
      assertThat(family.relationship(MOTHER, DAUGHTER)).contains(KinshipRole.DAU);
      assertThat(family.relationship(DAUGHTER, MOTHER)).contains(KinshipRole.PRN);
      assertThat(family.relationship(MOTHER, FATHER)).contains(KinshipRole.HUSB);
      assertThat(family.relationship(FATHER, MOTHER)).contains(KinshipRole.SPS);
      assertThat(families.familiesOf(SON)).extracting(Family::id).containsExactly(f.family);
      assertThat(family.version()).isGreaterThan(1);
    }

    @Test
    @DisplayName("only the invitee can accept, only before the invitation expires, and only once")
    void invitations() {
      Invitation inv = families.invite(new InviteMember(f.key(), f.family, MOTHER, GRANDMA, KinshipRole.MTH,
          MemberRole.MEMBER));
      assertThat(inv.status()).isEqualTo(InvitationStatus.PENDING);
      assertThatThrownBy(() -> families.respond(new RespondToInvitation(f.key(), inv.id(), FATHER, true)))
          .isInstanceOf(ForbiddenException.class);
      f.clock.advance(Duration.ofDays(8));
      assertThatThrownBy(() -> families.respond(new RespondToInvitation(f.key(), inv.id(), GRANDMA, true)))
          .isInstanceOfSatisfying(InvalidStateException.class, e -> assertThat(e.reason())
              .isEqualTo("family.invitation.expired"));
      Invitation again = families.invite(new InviteMember(f.key(), f.family, MOTHER, GRANDMA, KinshipRole.MTH,
          MemberRole.MEMBER));
      Invitation declined = families.respond(new RespondToInvitation(f.key(), again.id(), GRANDMA, false));
      assertThat(declined.status()).isEqualTo(InvitationStatus.DECLINED);
      assertThat(families.family(f.family).isActiveMember(GRANDMA)).isFalse();
      assertThatThrownBy(() -> families.respond(new RespondToInvitation(f.key(), again.id(), GRANDMA, true)))
          .isInstanceOf(InvalidStateException.class);
    }

    @Test
    @DisplayName("ordinary members cannot invite; members cannot be invited twice")
    void whoInvites() {
      assertThatThrownBy(() -> families.invite(new InviteMember(f.key(), f.family, DAUGHTER, GRANDMA,
          KinshipRole.GRMTH, MemberRole.MEMBER))).isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> families.invite(new InviteMember(f.key(), f.family, STRANGER, GRANDMA,
          KinshipRole.GRMTH, MemberRole.MEMBER))).isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> families.invite(new InviteMember(f.key(), f.family, FATHER, SON, KinshipRole.SON,
          MemberRole.MEMBER))).isInstanceOf(ConflictException.class);
      assertThatThrownBy(() -> families.invite(new InviteMember(f.key(), f.family, MOTHER, GRANDMA,
          KinshipRole.MTH, MemberRole.OWNER))).isInstanceOf(ValidationException.class);
    }

    @Test
    @DisplayName("the owner hands over ownership before leaving; a manager removes only ordinary members")
    void leavingAndRemoval() {
      assertThatThrownBy(() -> families.leave(new LeaveFamily(f.key(), f.family, MOTHER)))
          .isInstanceOfSatisfying(InvalidStateException.class, e -> assertThat(e.reason())
              .isEqualTo("family.owner.must_transfer"));
      assertThatThrownBy(() -> families.remove(new RemoveMember(f.key(), f.family, FATHER, MOTHER)))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> families.remove(new RemoveMember(f.key(), f.family, DAUGHTER, SON)))
          .isInstanceOf(ForbiddenException.class);
      Family removed = families.remove(new RemoveMember(f.key(), f.family, FATHER, DAUGHTER));
      assertThat(removed.isActiveMember(DAUGHTER)).isFalse();
      assertThat(removed.memberships()).filteredOn(m -> m.person().equals(DAUGHTER)).singleElement()
          .satisfies(m -> assertThat(m.endReason()).isEqualTo(Membership.EndReason.REMOVED));
      Family handed = families.changeRole(new ChangeRole(f.key(), f.family, MOTHER, FATHER, MemberRole.OWNER));
      assertThat(handed.owner()).isEqualTo(FATHER);
      Family left = families.leave(new LeaveFamily(f.key(), f.family, MOTHER));
      assertThat(left.activeMembers()).containsExactly(FATHER, SON);
      assertThat(left.guardianships()).singleElement().satisfies(g -> assertThat(g.until())
          .isEqualTo(LocalDate.of(2026, 11, 25)));
      assertThat(families.standing(MOTHER, SON)).isEqualTo(ViewerStanding.NONE);
    }

    @Test
    @DisplayName("a replayed command returns what it first did; the same key with another command is refused")
    void idempotency() {
      IdempotencyKey key = IdempotencyKey.of("create-grandma-family");
      Family first = families.create(new CreateFamily(key, GRANDMA));
      Family again = families.create(new CreateFamily(key, GRANDMA));
      assertThat(again.id()).isEqualTo(first.id());
      assertThat(families.familiesOf(GRANDMA)).hasSize(1);
      assertThatThrownBy(() -> families.create(new CreateFamily(key, STRANGER)))
          .isInstanceOf(IdempotencyConflictException.class);
      IdempotencyKey inviteKey = f.key();
      Invitation inv = families.invite(new InviteMember(inviteKey, f.family, MOTHER, GRANDMA, KinshipRole.MTH,
          MemberRole.MEMBER));
      IdempotencyKey acceptKey = f.key();
      families.respond(new RespondToInvitation(acceptKey, inv.id(), GRANDMA, true));
      long version = families.family(f.family).version();
      assertThat(families.respond(new RespondToInvitation(acceptKey, inv.id(), GRANDMA, true)).status())
          .isEqualTo(InvitationStatus.ACCEPTED);
      assertThat(families.family(f.family).version()).isEqualTo(version);
    }
  }

  @Nested
  @DisplayName("guardianship, with a fixed clock on the birthdays")
  class Guardianship_ {
    private void at(LocalDate date) {
      f.clock.set(ZonedDateTime.of(date.atTime(0, 0, 1), Zones.CHINA).toInstant());
    }

    @Test
    @DisplayName("the mother is the 10-year-old's guardian until his 18th birthday, recorded at declaration")
    void period() {
      Guardianship g = families.family(f.family).guardianships().get(0);
      assertThat(g.guardian()).isEqualTo(MOTHER);
      assertThat(g.ward()).isEqualTo(SON);
      assertThat(g.from()).isEqualTo(LocalDate.of(2026, 11, 25));
      assertThat(g.until()).isEqualTo(LocalDate.of(2034, 5, 20));
      assertThat(families.standing(MOTHER, SON)).isEqualTo(ViewerStanding.GUARDIAN_OF_CHILD);
      assertThat(families.standing(FATHER, SON)).isEqualTo(ViewerStanding.RELATIVE);
      assertThat(families.standing(SON, SON)).isEqualTo(ViewerStanding.SELF);
      assertThat(families.standing(STRANGER, SON)).isEqualTo(ViewerStanding.NONE);
      assertThat(families.manages(MOTHER, SON)).isTrue();
      assertThat(families.manages(FATHER, SON)).isFalse();
    }

    @Test
    @DisplayName("the day before his 14th birthday she consents for him; from that day his own consent governs")
    void fourteenthBirthday() {
      at(LocalDate.of(2030, 5, 19));
      assertThat(families.standing(MOTHER, SON)).isEqualTo(ViewerStanding.GUARDIAN_OF_CHILD);
      at(LocalDate.of(2030, 5, 20));
      assertThat(families.standing(MOTHER, SON)).isEqualTo(ViewerStanding.GUARDIAN_OF_MINOR);
      assertThat(families.manages(MOTHER, SON)).isTrue();
    }

    @Test
    @DisplayName("the delegated view ends by itself on the 18th birthday, Shanghai calendar, to the second")
    void eighteenthBirthday() {
      f.clock.set(ZonedDateTime.of(LocalDate.of(2034, 5, 19).atTime(23, 59, 59), Zones.CHINA).toInstant());
      assertThat(families.standing(MOTHER, SON)).isEqualTo(ViewerStanding.GUARDIAN_OF_MINOR);
      assertThat(families.manages(MOTHER, SON)).isTrue();
      f.clock.advance(Duration.ofSeconds(1));
      assertThat(families.standing(MOTHER, SON)).isEqualTo(ViewerStanding.RELATIVE);
      assertThat(families.manages(MOTHER, SON)).isFalse();
    }

    @Test
    @DisplayName("someone born on 29 February comes of age on 1 March in a common year")
    void leapDayBirth() {
      PersonId leap = PersonId.of("p-leap");
      at(LocalDate.of(2025, 6, 1));
      f.profile(leap, LocalDate.of(2012, 2, 29));
      f.join(leap, KinshipRole.DAU, MemberRole.MEMBER);
      families.declareGuardianship(new DeclareGuardianship(f.key(), f.family, MOTHER, MOTHER, leap,
          GuardianshipBasis.PARENT));
      at(LocalDate.of(2026, 2, 28));
      assertThat(families.standing(MOTHER, leap)).isEqualTo(ViewerStanding.GUARDIAN_OF_CHILD);
      at(LocalDate.of(2026, 3, 1));
      assertThat(families.standing(MOTHER, leap)).isEqualTo(ViewerStanding.GUARDIAN_OF_MINOR);
      at(LocalDate.of(2030, 2, 28));
      assertThat(families.standing(MOTHER, leap)).isEqualTo(ViewerStanding.GUARDIAN_OF_MINOR);
      at(LocalDate.of(2030, 3, 1));
      assertThat(families.standing(MOTHER, leap)).isEqualTo(ViewerStanding.RELATIVE);
    }

    @Test
    @DisplayName("a guardianship needs a recorded parent, a known birth date and a minor")
    void declarationRules() {
      assertThatThrownBy(() -> families.declareGuardianship(new DeclareGuardianship(f.key(), f.family, MOTHER,
          FATHER, SON, GuardianshipBasis.PARENT))).isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("family.guardianship.not_parent"));
      assertThat(families.declareGuardianship(new DeclareGuardianship(f.key(), f.family, MOTHER, FATHER, SON,
          GuardianshipBasis.APPOINTED)).guardianships()).hasSize(2);
      assertThatThrownBy(() -> families.declareGuardianship(new DeclareGuardianship(f.key(), f.family, MOTHER,
          DAUGHTER, FATHER, GuardianshipBasis.APPOINTED))).isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo("family.guardianship.adult"));
      assertThatThrownBy(() -> families.declareGuardianship(new DeclareGuardianship(f.key(), f.family, DAUGHTER,
          MOTHER, SON, GuardianshipBasis.PARENT))).isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> families.declareGuardianship(new DeclareGuardianship(f.key(), f.family, MOTHER,
          MOTHER, SON, GuardianshipBasis.PARENT))).isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("bad commands are typed errors naming the field, never NullPointerException")
    void badInput() {
      assertThatThrownBy(() -> families.create(new CreateFamily(null, MOTHER)))
          .isInstanceOfSatisfying(KinHealthException.class, e -> assertThat(e.field()).isPresent());
      assertThatThrownBy(() -> families.create(null)).isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> families.family(FamilyId.of("nope")))
          .isInstanceOf(io.kinhealth.core.error.NotFoundException.class);
      assertThat(Instant.EPOCH).isNotNull();
    }
  }
}
