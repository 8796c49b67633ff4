package io.kinhealth.referral.rule;

import io.kinhealth.core.error.FieldViolation;
import io.kinhealth.core.validation.Check;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One reason a rule set may not be used: a stable reason code (e.g. {@code referral.rule.doctor_share_of_drug}), the
 * path of the offending part (e.g. {@code rules[1].shares[3]}), a message, and the legal sources of a compliance
 * guard (empty for structural errors such as shares not summing to 10,000 bp).
 */
public record RuleViolation(String reason, String field, String message, List<LegalSource> sources) {
  public RuleViolation {
    Check.notBlank(reason, "reason");
    Check.notBlank(field, "field");
    Check.notBlank(message, "message");
    sources = List.copyOf(sources);
  }

  /** The violation as a core field violation, its message naming the sources. */
  public FieldViolation toFieldViolation() {
    if (sources.isEmpty()) {
      return new FieldViolation(field, reason, message);
    }
    return new FieldViolation(field, reason, message + " (see "
        + sources.stream().map(LegalSource::citation).collect(Collectors.joining("; ")) + ")");
  }
}
