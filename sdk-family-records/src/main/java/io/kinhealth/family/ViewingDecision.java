package io.kinhealth.family;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.graph.ViewerStanding;
import java.util.List;
import java.util.Set;

/** What a viewer may see of a member right now: their standing, the permitted categories and the reasons. */
public record ViewingDecision(PersonId viewer, PersonId subject, ViewerStanding standing, Set<String> permitted,
    List<String> reasons) {
  public ViewingDecision {
    Check.notNull(viewer, "viewer");
    Check.notNull(subject, "subject");
    Check.notNull(standing, "standing");
    permitted = Set.copyOf(Check.noNulls(permitted, "permitted"));
    reasons = List.copyOf(Check.noNulls(reasons, "reasons"));
  }

  public boolean permits(String category) {
    return permitted.contains(category);
  }
}
