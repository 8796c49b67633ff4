package io.kinhealth.referral.payment;

import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.List;

/**
 * The result of reconciling a provider's settlement statement for {@code [from, to)} against the SDK's records:
 * how many lines were read and agreed, and every mismatch.
 */
public record StatementReport(String provider, Instant from, Instant to, int lines, int matched,
    List<StatementMismatch> mismatches) {
  public StatementReport {
    Check.notBlank(provider, "provider");
    Check.notNull(from, "from");
    Check.notNull(to, "to");
    mismatches = List.copyOf(Check.noNulls(mismatches, "mismatches"));
  }

  public boolean isClean() {
    return mismatches.isEmpty();
  }
}
