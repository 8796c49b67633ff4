package io.kinhealth.family;

import io.kinhealth.core.validation.Check;
import java.util.List;
import java.util.Set;

/**
 * Which requested categories the viewer may see, and the reasons (citing the rule or article) for what was denied.
 * Reasons name rules, never personal data.
 */
public record SharingDecision(Set<String> permitted, List<String> reasons) {
  public SharingDecision {
    permitted = Set.copyOf(Check.noNulls(permitted, "permitted"));
    reasons = List.copyOf(Check.noNulls(reasons, "reasons"));
  }

  public static SharingDecision deny(String reason) {
    return new SharingDecision(Set.of(), List.of(reason));
  }

  public boolean permits(String category) {
    return permitted.contains(category);
  }

  public boolean permitsNothing() {
    return permitted.isEmpty();
  }
}
