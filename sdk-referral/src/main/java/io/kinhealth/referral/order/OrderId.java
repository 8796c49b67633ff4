package io.kinhealth.referral.order;

import io.kinhealth.core.id.TypedId;

/** An order of the host (its order number), the key that makes recording a paid order idempotent. */
public record OrderId(String value) implements TypedId {
  public OrderId {
    value = TypedId.requireValid(value, "orderId");
  }

  public static OrderId of(String value) {
    return new OrderId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
