package io.kinhealth.compliance.content;

import io.kinhealth.core.validation.Check;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcome of reviewing one piece of copy: every finding, ordered by position then rule id, and the version of
 * the rule book that produced them (keep it with the decision: a later rule book may judge the same text
 * differently).
 */
public record ContentReview(ContentChannel channel, String ruleBookVersion, List<AdFinding> findings) {
  public ContentReview {
    Check.notNull(channel, "channel");
    Check.notBlank(ruleBookVersion, "ruleBookVersion");
    findings = List.copyOf(Check.noNulls(findings, "findings"));
  }

  /** Whether the copy breaks at least one rule. */
  public boolean violates() {
    return !findings.isEmpty();
  }

  /** The distinct rule ids found, in order of first appearance. */
  public Set<String> ruleIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (AdFinding f : findings) {
      ids.add(f.ruleId());
    }
    return ids;
  }
}
