package io.kinhealth.family.graph;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.model.Zones;
import io.kinhealth.core.validation.Check;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the family records need to know about a person, and no more: the birth date (for guardianship ages; may be
 * unknown) and the zone their days are counted in (default Asia/Shanghai). Names and contact details stay with the
 * host. Versioned for optimistic concurrency. Personal data: {@code toString} shows only the id.
 */
public record MemberProfile(PersonId person, LocalDate birthDate, ZoneId zone, long version) {
  public MemberProfile {
    Check.notNull(person, "person");
    zone = zone == null ? Zones.CHINA : zone;
    Check.notNegative(version, "version");
  }

  public static MemberProfile of(PersonId person, LocalDate birthDate, ZoneId zone) {
    return new MemberProfile(person, birthDate, zone, 0);
  }

  public Optional<LocalDate> knownBirthDate() {
    return Optional.ofNullable(birthDate);
  }

  public MemberProfile withVersion(long newVersion) {
    return new MemberProfile(person, birthDate, zone, newVersion);
  }

  @Override
  public String toString() {
    return "MemberProfile[" + person + "]";
  }
}
