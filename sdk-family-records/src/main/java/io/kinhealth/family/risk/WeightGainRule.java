package io.kinhealth.family.risk;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dashboard.AlertSeverity;

/**
 * Pregnancy weight gain outside the {@link WeightGainStandard} band for the member's pre-pregnancy BMI: a weighing
 * during pregnancy whose gain is above the band raises {@code conditionAbove}, below it {@code conditionBelow}.
 * Needs the pregnancy's pre-pregnancy weight and height.
 */
public record WeightGainRule(
    String keyAbove,
    String keyBelow,
    String conditionAbove,
    String conditionBelow,
    AlertSeverity severityAbove,
    AlertSeverity severityBelow,
    String source,
    RuleReview review) {

  public WeightGainRule {
    keyAbove = Check.text(keyAbove, "weightGain.keyAbove", 100);
    keyBelow = Check.text(keyBelow, "weightGain.keyBelow", 100);
    conditionAbove = Check.text(conditionAbove, "weightGain.conditionAbove", 100);
    conditionBelow = Check.text(conditionBelow, "weightGain.conditionBelow", 100);
    Check.notNull(severityAbove, "weightGain.severityAbove");
    Check.notNull(severityBelow, "weightGain.severityBelow");
    source = Check.text(source, "weightGain.source", 100);
    Check.notNull(review, "weightGain.review");
  }
}
