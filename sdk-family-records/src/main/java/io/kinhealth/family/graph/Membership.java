package io.kinhealth.family.graph;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * A person's membership of a family: role, when they joined, and when and why it ended (null while active). Ended
 * memberships are kept so the family's history stays explainable.
 */
public record Membership(PersonId person, MemberRole role, Instant joinedAt, Instant endedAt, EndReason endReason) {
  /** Why a membership ended. */
  public enum EndReason {
    LEFT,
    REMOVED
  }

  public Membership {
    Check.notNull(person, "person");
    Check.notNull(role, "role");
    Check.notNull(joinedAt, "joinedAt");
    Check.that((endedAt == null) == (endReason == null), "endReason", "family.membership.end_inconsistent",
        "an ended membership needs both endedAt and endReason");
  }

  public static Membership active(PersonId person, MemberRole role, Instant joinedAt) {
    return new Membership(person, role, joinedAt, null, null);
  }

  public boolean isActive() {
    return endedAt == null;
  }

  public Membership end(Instant at, EndReason reason) {
    return new Membership(person, role, joinedAt, Check.notNull(at, "at"), Check.notNull(reason, "reason"));
  }

  public Membership withRole(MemberRole newRole) {
    return new Membership(person, newRole, joinedAt, endedAt, endReason);
  }

  public Optional<Instant> knownEnd() {
    return Optional.ofNullable(endedAt);
  }
}
