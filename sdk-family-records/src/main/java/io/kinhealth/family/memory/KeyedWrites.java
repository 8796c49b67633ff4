package io.kinhealth.family.memory;

import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.spi.StoredWrite;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The digest-keyed idempotency of the in-memory stores that take a request digest: the first write under a key runs
 * and is remembered with its digest and result id; a replay with the same digest loads the result as stored now; a
 * replay with another digest is a conflict. A remembered write is forgotten if its transaction rolls back. Callers
 * synchronise on their store.
 */
final class KeyedWrites {
  private final Map<IdempotencyKey, StoredWrite> writes = new HashMap<>();

  <T> T once(IdempotencyKey key, String digest, Supplier<T> write, Function<T, String> idOf,
      Function<String, T> load) {
    Check.notNull(key, "idempotencyKey");
    Check.notBlank(digest, "requestDigest");
    StoredWrite prior = writes.get(key);
    if (prior != null) {
      if (!prior.requestDigest().equals(digest)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "idempotencyKey",
            "this idempotency key was first used with a different request");
      }
      return load.apply(prior.resultId());
    }
    T result = write.get();
    writes.put(key, new StoredWrite(digest, idOf.apply(result)));
    InMemoryTransactionRunner.recordUndo(() -> writes.remove(key));
    return result;
  }

  Optional<StoredWrite> find(IdempotencyKey key) {
    return Optional.ofNullable(writes.get(Check.notNull(key, "idempotencyKey")));
  }
}
