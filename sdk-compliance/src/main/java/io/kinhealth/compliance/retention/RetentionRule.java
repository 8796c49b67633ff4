package io.kinhealth.compliance.retention;

import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.validation.Check;
import java.time.Period;

/**
 * How long data of {@code category} (and its descendants) collected for {@code purpose} may be kept, citing where
 * the period comes from (PIPL art. 19: the shortest time the purpose needs, unless a law sets another; e.g. the
 * Medical Institution Administration Regulations keep outpatient records 15 years).
 */
public record RetentionRule(Purpose purpose, DataCategory category, Period keepFor, String source) {
  public RetentionRule {
    Check.notNull(purpose, "rule.purpose");
    Check.notNull(category, "rule.category");
    Check.notNull(keepFor, "rule.keepFor");
    Check.that(!keepFor.isNegative() && !keepFor.isZero(), "rule.keepFor", "retention.period", "a period is positive");
    source = Check.text(source, "rule.source", 300);
  }
}
