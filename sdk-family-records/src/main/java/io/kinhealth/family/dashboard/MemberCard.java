package io.kinhealth.family.dashboard;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.graph.KinshipRole;
import io.kinhealth.family.graph.ViewerStanding;
import java.util.List;
import java.util.Optional;

/**
 * One member as the viewer sees them. A HIDDEN card carries the member's id, relationship and standing only: no
 * types, no alerts, not even whether any data exists.
 */
public record MemberCard(PersonId member, KinshipRole relationship, ViewerStanding standing, Visibility visibility,
    List<TypeSummary> types, List<OpenAlert> openAlerts) {
  public MemberCard {
    Check.notNull(member, "member");
    Check.notNull(standing, "standing");
    Check.notNull(visibility, "visibility");
    types = List.copyOf(Check.noNulls(types, "types"));
    openAlerts = List.copyOf(Check.noNulls(openAlerts, "openAlerts"));
    Check.that(visibility != Visibility.HIDDEN || (types.isEmpty() && openAlerts.isEmpty()), "types",
        "dashboard.hidden_leak", "a hidden card carries no data");
  }

  /** How the member relates to the viewer (e.g. DAU: the member is the viewer's daughter), when recorded. */
  public Optional<KinshipRole> knownRelationship() {
    return Optional.ofNullable(relationship);
  }

  public Optional<TypeSummary> type(String key) {
    return types.stream().filter(t -> t.type().key().equals(key)).findFirst();
  }

  @Override
  public String toString() {
    return "MemberCard[" + member + " " + visibility + "]";
  }
}
