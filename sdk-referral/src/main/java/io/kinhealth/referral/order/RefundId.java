package io.kinhealth.referral.order;

import io.kinhealth.core.id.TypedId;

/** A refund of the host, the key that makes recording a refund idempotent. */
public record RefundId(String value) implements TypedId {
  public RefundId {
    value = TypedId.requireValid(value, "refundId");
  }

  public static RefundId of(String value) {
    return new RefundId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
