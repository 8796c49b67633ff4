package io.kinhealth.compliance.marketing.memory;

import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.compliance.marketing.SubscriptionChange;
import io.kinhealth.compliance.marketing.spi.SubscriptionStore;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.IdempotencyTable;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.validation.Check;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The embedded default {@link SubscriptionStore}: thread-safe, rolled back with in-memory transactions, not durable. */
public final class InMemorySubscriptionStore implements SubscriptionStore {
  private final IdempotencyTable<SubscriptionChange> keys = new IdempotencyTable<>();
  private final Map<PersonId, List<SubscriptionChange>> changes = new HashMap<>();

  @Override
  public SubscriptionChange record(IdempotencyKey key, SubscriptionChange change) {
    Check.notNull(change, "change");
    return keys.apply(key, change, () -> {
      synchronized (this) {
        List<SubscriptionChange> list = changes.computeIfAbsent(change.person(), p -> new ArrayList<>());
        list.add(change);
        InMemoryTransactionRunner.recordUndo(() -> remove(change));
      }
      return change;
    });
  }

  private synchronized void remove(SubscriptionChange change) {
    List<SubscriptionChange> list = changes.get(change.person());
    if (list != null) {
      int i = list.lastIndexOf(change);
      if (i >= 0) {
        list.remove(i);
      }
    }
  }

  @Override
  public synchronized Optional<SubscriptionChange> latest(PersonId person, ContentChannel channel) {
    Check.notNull(person, "person");
    Check.notNull(channel, "channel");
    SubscriptionChange latest = null;
    for (SubscriptionChange c : changes.getOrDefault(person, List.of())) {
      if (c.appliesTo(channel) && (latest == null || !c.at().isBefore(latest.at()))) {
        latest = c;
      }
    }
    return Optional.ofNullable(latest);
  }
}
