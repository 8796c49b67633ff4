package io.kinhealth.compliance.content;

import io.kinhealth.core.validation.Check;

/**
 * One breach found in a piece of copy: which rule, which law and article, where exactly (offsets into the text as
 * given, in UTF-16 code units as Java and JavaScript count them, end exclusive), the excerpt at that span, the
 * rule's severity and a suggested compliant rewrite.
 */
public record AdFinding(String ruleId, String law, String article, Severity severity, int start, int end,
    String excerpt, String suggestion) {
  public AdFinding {
    Check.notBlank(ruleId, "ruleId");
    Check.notNull(law, "law");
    Check.notNull(article, "article");
    Check.notNull(severity, "severity");
    Check.notNegative(start, "start");
    Check.that(end > start, "end", "content.finding.empty_span", "end must be after start");
    Check.notNull(excerpt, "excerpt");
    Check.notNull(suggestion, "suggestion");
  }
}
