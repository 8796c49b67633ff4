package io.kinhealth.referral.qa;

import io.kinhealth.core.id.TypedId;

/** A paid question, chosen by the host: the key that makes asking idempotent. */
public record QuestionId(String value) implements TypedId {
  public QuestionId {
    value = TypedId.requireValid(value, "questionId");
  }

  public static QuestionId of(String value) {
    return new QuestionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
