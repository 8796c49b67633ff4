package io.kinhealth.compliance.marketing.spi;

import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.compliance.marketing.SubscriptionChange;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import java.util.Optional;

/**
 * Unsubscribe state: an append-only list of {@link SubscriptionChange}s per person. Contract:
 * {@code io.kinhealth.testkit.compliance.SubscriptionStoreContractKit}.
 *
 * <ul>
 *   <li>{@link #record} is idempotent per key (same key and equal change: the first change; another change: an
 *       {@code IdempotencyConflictException}); a recorded change is visible to the very next {@link #latest} call;
 *   <li>{@link #latest} returns the change with the newest {@code at} among the person's changes for that channel
 *       and for every channel; of changes with equal {@code at}, the one recorded last.
 * </ul>
 */
public interface SubscriptionStore {

  SubscriptionChange record(IdempotencyKey key, SubscriptionChange change);

  Optional<SubscriptionChange> latest(PersonId person, ContentChannel channel);
}
