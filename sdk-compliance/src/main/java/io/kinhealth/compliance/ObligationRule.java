package io.kinhealth.compliance;

import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.validation.Check;
import java.util.Set;

/**
 * When data of {@code category} is permitted for {@code purpose} to one of {@code requesterKinds} (all kinds when
 * empty), it must be masked with {@code mask}; turns a PERMIT into PERMIT_WITH_OBLIGATIONS.
 */
public record ObligationRule(Purpose purpose, DataCategory category, String mask, Set<RequesterKind> requesterKinds) {
  public ObligationRule {
    Check.notNull(purpose, "rule.purpose");
    Check.notNull(category, "rule.category");
    mask = Check.text(mask, "rule.mask", 64);
    requesterKinds = requesterKinds == null ? Set.of() : Set.copyOf(requesterKinds);
  }

  public boolean appliesTo(RequesterKind kind) {
    return requesterKinds.isEmpty() || requesterKinds.contains(kind);
  }
}
