package io.kinhealth.family.graph;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A family: its memberships (active and ended), the relationships between members and the guardianship periods. An
 * aggregate with a version for optimistic concurrency: every change produces a new value with the next version,
 * written with the version it was read at.
 *
 * <p>Guarantees: exactly one active owner; a person has at most one active membership; relationships and
 * guardianships only involve people who have been members. {@code toString} shows only the id and version.
 */
public record Family(
    FamilyId id,
    List<Membership> memberships,
    List<Relationship> relationships,
    List<Guardianship> guardianships,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public Family {
    Check.notNull(id, "id");
    memberships = List.copyOf(Check.noNulls(memberships, "memberships"));
    relationships = List.copyOf(Check.noNulls(relationships, "relationships"));
    guardianships = List.copyOf(Check.noNulls(guardianships, "guardianships"));
    Check.notNegative(version, "version");
    Check.notNull(createdAt, "createdAt");
    Check.notNull(updatedAt, "updatedAt");
    Set<PersonId> active = new HashSet<>();
    Set<PersonId> ever = new HashSet<>();
    int owners = 0;
    for (Membership m : memberships) {
      ever.add(m.person());
      if (m.isActive()) {
        Check.that(active.add(m.person()), "memberships", "family.member.duplicate",
            "a person has at most one active membership");
        owners += m.role() == MemberRole.OWNER ? 1 : 0;
      }
    }
    Check.that(owners == 1 || active.isEmpty(), "memberships", "family.owner.count",
        "a family has exactly one active owner");
    for (Relationship r : relationships) {
      Check.that(ever.contains(r.person()) && ever.contains(r.relative()), "relationships",
          "family.relationship.stranger", "relationships link members of the family");
    }
    for (Guardianship g : guardianships) {
      Check.that(ever.contains(g.guardian()) && ever.contains(g.ward()), "guardianships",
          "family.guardianship.stranger", "guardianships link members of the family");
    }
  }

  /** A new family with its owner as the only member (version 0: not yet stored). */
  public static Family founded(FamilyId id, PersonId owner, Instant at) {
    return new Family(id, List.of(Membership.active(owner, MemberRole.OWNER, at)), List.of(), List.of(), 0, at, at);
  }

  public Optional<Membership> activeMembership(PersonId person) {
    return memberships.stream().filter(m -> m.isActive() && m.person().equals(person)).findFirst();
  }

  public boolean isActiveMember(PersonId person) {
    return activeMembership(person).isPresent();
  }

  public List<PersonId> activeMembers() {
    return memberships.stream().filter(Membership::isActive).map(Membership::person).toList();
  }

  public PersonId owner() {
    return memberships.stream().filter(m -> m.isActive() && m.role() == MemberRole.OWNER).findFirst()
        .map(Membership::person).orElseThrow();
  }

  /** How {@code relative} relates to {@code person}, looking at both directions of stored relationships. */
  public Optional<KinshipRole> relationship(PersonId person, PersonId relative) {
    for (Relationship r : relationships) {
      if (r.person().equals(person) && r.relative().equals(relative)) {
        return Optional.of(r.role());
      }
      if (r.person().equals(relative) && r.relative().equals(person)) {
        return Optional.of(r.role().inverse());
      }
    }
    return Optional.empty();
  }

  /** The guardianship of {@code guardian} over {@code ward} covering {@code date}, if any. */
  public Optional<Guardianship> guardianship(PersonId guardian, PersonId ward, LocalDate date) {
    return guardianships.stream().filter(g -> g.guardian().equals(guardian) && g.ward().equals(ward)
        && g.coversDate(date)).findFirst();
  }

  Family next(List<Membership> m, List<Relationship> r, List<Guardianship> g, Instant at) {
    return new Family(id, m, r, g, version, createdAt, at);
  }

  /** This family with one more active member (and their relationship, if given). */
  public Family withMember(PersonId person, MemberRole role, Relationship relationship, Instant at) {
    List<Membership> m = new ArrayList<>(memberships);
    m.add(Membership.active(person, role, at));
    List<Relationship> r = new ArrayList<>(relationships);
    if (relationship != null) {
      r.add(relationship);
    }
    return next(m, r, guardianships, at);
  }

  /** This family with the person's membership ended and their open guardianships (either side) ended today. */
  public Family withoutMember(PersonId person, Membership.EndReason reason, Instant at, LocalDate today) {
    List<Membership> m = new ArrayList<>();
    for (Membership x : memberships) {
      m.add(x.isActive() && x.person().equals(person) ? x.end(at, reason) : x);
    }
    List<Guardianship> g = new ArrayList<>();
    for (Guardianship x : guardianships) {
      boolean involved = x.guardian().equals(person) || x.ward().equals(person);
      g.add(involved && x.until().isAfter(today) ? x.endedOn(today) : x);
    }
    return next(m, relationships, g, at);
  }

  public Family withRole(PersonId person, MemberRole role, Instant at) {
    List<Membership> m = new ArrayList<>();
    for (Membership x : memberships) {
      m.add(x.isActive() && x.person().equals(person) ? x.withRole(role) : x);
    }
    return next(m, relationships, guardianships, at);
  }

  /** This family with ownership handed to {@code newOwner}; the previous owner becomes a manager. */
  public Family withOwnershipHandedTo(PersonId newOwner, Instant at) {
    PersonId previous = owner();
    List<Membership> m = new ArrayList<>();
    for (Membership x : memberships) {
      if (x.isActive() && x.person().equals(previous)) {
        m.add(x.withRole(MemberRole.MANAGER));
      } else if (x.isActive() && x.person().equals(newOwner)) {
        m.add(x.withRole(MemberRole.OWNER));
      } else {
        m.add(x);
      }
    }
    return next(m, relationships, guardianships, at);
  }

  public Family withRelationship(Relationship relationship, Instant at) {
    List<Relationship> r = new ArrayList<>();
    for (Relationship x : relationships) {
      boolean samePair = (x.person().equals(relationship.person()) && x.relative().equals(relationship.relative()))
          || (x.person().equals(relationship.relative()) && x.relative().equals(relationship.person()));
      if (!samePair) {
        r.add(x);
      }
    }
    r.add(relationship);
    return next(memberships, r, guardianships, at);
  }

  public Family withGuardianship(Guardianship guardianship, Instant at) {
    List<Guardianship> g = new ArrayList<>(guardianships);
    g.add(guardianship);
    return next(memberships, relationships, g, at);
  }

  public Family withGuardianshipEnded(PersonId guardian, PersonId ward, LocalDate on, Instant at) {
    List<Guardianship> g = new ArrayList<>();
    for (Guardianship x : guardianships) {
      g.add(x.guardian().equals(guardian) && x.ward().equals(ward) && x.until().isAfter(on) ? x.endedOn(on) : x);
    }
    return next(memberships, relationships, g, at);
  }

  /** The same family at another version (stores set it when writing). */
  public Family withVersion(long newVersion) {
    return new Family(id, memberships, relationships, guardianships, newVersion, createdAt, updatedAt);
  }

  @Override
  public String toString() {
    return "Family[" + id + " v" + version + "]";
  }
}
