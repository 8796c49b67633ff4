package io.kinhealth.core.id;

/** A caller-chosen key that makes a write safe to retry: the same key with the same payload returns the first result, with another payload it fails with {@link io.kinhealth.core.error.ErrorCode#IDEMPOTENCY_CONFLICT}. */
public record IdempotencyKey(String value) implements TypedId {
  public IdempotencyKey {
    value = TypedId.requireValid(value, "idempotencyKey");
  }

  public static IdempotencyKey of(String value) {
    return new IdempotencyKey(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
