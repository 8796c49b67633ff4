package io.kinhealth.referral.memory;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The write rules the in-memory stores share: insert once by key (an equal value is a replay, another a conflict),
 * replace or save only on the expected version, and an undo for every write that runs under the store's monitor if
 * the transaction rolls back. Callers hold the store's monitor. Not API.
 */
final class VersionedRows {
  private VersionedRows() {}

  static <K, V> V insertOnce(Object lock, Map<K, V> map, K key, V value, String what) {
    V existing = map.get(key);
    if (existing != null) {
      if (!existing.equals(value)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", what,
            what + " " + key + " exists with other terms");
      }
      return existing;
    }
    map.put(key, value);
    undo(lock, () -> map.remove(key));
    return value;
  }

  /**
   * Inserts a versioned row (version 0 when new) and adds it to the store's indexes; a replay returns the stored row.
   */
  static <K, V> V insertIndexed(Object lock, Map<K, V> map, K key, V value, ToLongFunction<V> version, String what,
      Consumer<V> index, Consumer<V> unindex) {
    boolean fresh = !map.containsKey(key);
    if (fresh && version.applyAsLong(value) != 0) {
      throw new ValidationException("version", "referral.version_conflict", "a new " + what + " has version 0");
    }
    V stored = insertOnce(lock, map, key, value, what);
    if (fresh) {
      index.accept(value);
      undo(lock, () -> unindex.accept(value));
    }
    return stored;
  }

  /** Replaces a stored row on its version and moves it in the store's indexes. */
  static <K, V> void replaceIndexed(Object lock, Map<K, V> map, K key, V next, ToLongFunction<V> version,
      long expected, String what, Consumer<V> index, Consumer<V> unindex) {
    V current = replace(lock, map, key, next, version, expected, "referral", what);
    unindex.accept(current);
    index.accept(next);
    undo(lock, () -> {
      unindex.accept(next);
      index.accept(current);
    });
  }

  /** Replaces a stored row on its version; returns the row it replaced. */
  static <K, V> V replace(Object lock, Map<K, V> map, K key, V next, ToLongFunction<V> version, long expected,
      String reasonPrefix, String what) {
    V current = map.get(key);
    if (current == null) {
      throw new NotFoundException(reasonPrefix + "." + what + ".not_found", what, "no such " + what);
    }
    requireVersion(reasonPrefix, version.applyAsLong(current), expected, version.applyAsLong(next));
    map.put(key, next);
    undo(lock, () -> map.put(key, current));
    return current;
  }

  /** Stores a row that may not exist yet (expected version 0 for none). */
  static <K, V> void save(Object lock, Map<K, V> map, K key, V next, ToLongFunction<V> version, long expected,
      String reasonPrefix) {
    V current = map.get(key);
    requireVersion(reasonPrefix, current == null ? 0 : version.applyAsLong(current), expected,
        version.applyAsLong(next));
    map.put(key, next);
    undo(lock, () -> {
      if (current == null) {
        map.remove(key);
      } else {
        map.put(key, current);
      }
    });
  }

  static void undo(Object lock, Runnable action) {
    InMemoryTransactionRunner.recordUndo(() -> {
      synchronized (lock) {
        action.run();
      }
    });
  }

  static void requireVersion(String reasonPrefix, long stored, long expected, long next) {
    if (stored != expected || next != expected + 1) {
      throw new ConflictException(reasonPrefix + ".version_conflict", "version",
          "stored version " + stored + ", expected " + expected + ", new " + next);
    }
  }
}
