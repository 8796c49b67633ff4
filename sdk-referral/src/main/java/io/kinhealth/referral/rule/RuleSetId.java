package io.kinhealth.referral.rule;

import io.kinhealth.core.id.TypedId;

/** Names a revenue-share rule set across its versions, e.g. {@code beauty-clinic-7} or {@code paid-qa}. */
public record RuleSetId(String value) implements TypedId {
  public RuleSetId {
    value = TypedId.requireValid(value, "ruleSetId");
  }

  public static RuleSetId of(String value) {
    return new RuleSetId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
