package io.kinhealth.core.memory;

import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.validation.Check;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The idempotency rule every in-memory store follows, in one place: the first write under a key runs and its
 * result is remembered together with its payload; a replay with an equal payload returns that first result without
 * writing again; a replay with a different payload throws {@link IdempotencyConflictException}.
 *
 * <p>Payloads are compared with {@code equals}, so use records or value types. A write that throws leaves no entry
 * (the key may be retried), and an entry made inside an {@link InMemoryTransactionRunner} transaction is removed if
 * that transaction rolls back. Thread-safe: writes under this table are serialised.
 *
 * @param <R> the result type remembered per key
 */
public final class IdempotencyTable<R> {
  private record Entry<R>(Object payload, R result) {}

  private final Map<IdempotencyKey, Entry<R>> entries = new HashMap<>();

  /** Runs {@code write} once per key; see the class description for replays. */
  public synchronized R apply(IdempotencyKey key, Object payload, Supplier<R> write) {
    Check.notNull(key, "idempotencyKey");
    Check.notNull(payload, "payload");
    Entry<R> existing = entries.get(key);
    if (existing != null) {
      if (!existing.payload().equals(payload)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "idempotencyKey",
            "this idempotency key was first used with a different payload");
      }
      return existing.result();
    }
    R result = write.get();
    entries.put(key, new Entry<>(payload, result));
    InMemoryTransactionRunner.recordUndo(() -> remove(key));
    return result;
  }

  /** The result first recorded under {@code key}, if any. */
  public synchronized Optional<R> find(IdempotencyKey key) {
    Entry<R> e = entries.get(key);
    return e == null ? Optional.empty() : Optional.ofNullable(e.result());
  }

  private synchronized void remove(IdempotencyKey key) {
    entries.remove(key);
  }

  public synchronized int size() {
    return entries.size();
  }
}
