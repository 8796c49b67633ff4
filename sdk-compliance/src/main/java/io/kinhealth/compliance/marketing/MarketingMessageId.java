package io.kinhealth.compliance.marketing;

import io.kinhealth.core.id.TypedId;

/** The host's id of one marketing message to one recipient; the gate is idempotent per message id. */
public record MarketingMessageId(String value) implements TypedId {
  public MarketingMessageId {
    value = TypedId.requireValid(value, "messageId");
  }

  public static MarketingMessageId of(String value) {
    return new MarketingMessageId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
