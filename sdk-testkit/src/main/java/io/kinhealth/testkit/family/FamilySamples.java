package io.kinhealth.testkit.family;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.IdGenerator;
import io.kinhealth.family.graph.Family;
import io.kinhealth.family.graph.FamilyId;
import io.kinhealth.family.graph.Invitation;
import io.kinhealth.family.graph.InvitationId;
import io.kinhealth.family.graph.InvitationStatus;
import io.kinhealth.family.graph.KinshipRole;
import io.kinhealth.family.graph.MemberRole;
import io.kinhealth.family.graph.Relationship;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationNormaliser;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Sample families, invitations and observations for the family-records contract kits. */
public final class FamilySamples {
  /** 2026-11-25 10:00 in Shanghai. */
  public static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
  public static final PersonId OWNER = PersonId.of("kit-owner");
  public static final PersonId MEMBER = PersonId.of("kit-member");
  public static final Source CUFF = Source.device("kit-cuff", "Kit cuff");

  private static final AtomicLong SEQ = new AtomicLong();
  private static final IdGenerator IDS = () -> String.format("kit-%012d", SEQ.incrementAndGet());
  private static final ObservationNormaliser NORMALISER = new ObservationNormaliser(ObservationTypes.defaults(),
      Clock.fixed(T0.plus(Duration.ofDays(3650)), ZoneOffset.UTC), IDS);

  private FamilySamples() {}

  /** A new unique id value. */
  public static String newId() {
    return IDS.newId();
  }

  /** A family of an owner and one member (version 0: not yet stored). */
  public static Family family(PersonId owner, PersonId member) {
    return Family.founded(FamilyId.of(newId()), owner, T0).withMember(member, MemberRole.MEMBER,
        new Relationship(owner, member, KinshipRole.CHILD), T0);
  }

  public static Invitation invitation(FamilyId family, PersonId invitee, Instant createdAt) {
    return new Invitation(InvitationId.of(newId()), family, OWNER, invitee, KinshipRole.SIB, MemberRole.MEMBER,
        InvitationStatus.PENDING, createdAt, createdAt.plus(Duration.ofDays(7)), null, 0);
  }

  /** A heart-rate reading of {@code who} at {@code at}. */
  public static Observation heartRate(PersonId who, Instant at, double bpm) {
    return NORMALISER.normalise(Reading.builder(who, ObservationTypes.HEART_RATE).values("/min", bpm)
        .at(at, ZoneOffset.ofHours(8)).source(CUFF).build());
  }

  /** A blood-pressure reading of {@code who} at {@code at}. */
  public static Observation bloodPressure(PersonId who, Instant at, double systolic, double diastolic) {
    return NORMALISER.normalise(Reading.builder(who, ObservationTypes.BLOOD_PRESSURE)
        .values("mm[Hg]", systolic, diastolic).at(at, ZoneOffset.ofHours(8)).source(CUFF).build());
  }
}
