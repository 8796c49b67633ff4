package io.kinhealth.referral.ledger;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.referral.internal.DerivedIds;

/**
 * A journal entry's id, chosen by the caller: posting the same id again with the same request returns the first
 * entry; with another request it fails with {@code IDEMPOTENCY_CONFLICT}. Derive ids from what caused the entry
 * ({@link #derive}) so that a retry can never post twice.
 */
public record EntryId(String value) implements TypedId {
  public EntryId {
    value = TypedId.requireValid(value, "entryId");
  }

  public static EntryId of(String value) {
    return new EntryId(value);
  }

  /**
   * {@code kind:part:...} when it fits in 64 characters, else {@code kind:h<digest>}: the same inputs always give the
   * same id. For example {@code derive("paid", orderId)}.
   */
  public static EntryId derive(String kind, String... parts) {
    return new EntryId(DerivedIds.derive(kind, parts));
  }

  @Override
  public String toString() {
    return value;
  }
}
