package io.kinhealth.family.dashboard;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.graph.FamilyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A family as one viewer sees it at {@code asOf}: one card per active member, the viewer's own first. */
public record FamilyDashboardView(PersonId viewer, FamilyId family, Instant asOf, List<MemberCard> members) {
  public FamilyDashboardView {
    Check.notNull(viewer, "viewer");
    Check.notNull(family, "family");
    Check.notNull(asOf, "asOf");
    members = List.copyOf(Check.noNulls(members, "members"));
  }

  public Optional<MemberCard> card(PersonId member) {
    return members.stream().filter(m -> m.member().equals(member)).findFirst();
  }
}
