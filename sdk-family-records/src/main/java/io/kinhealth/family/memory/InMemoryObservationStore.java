package io.kinhealth.family.memory;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationId;
import io.kinhealth.family.spi.ObservationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The embedded default {@link ObservationStore}: per member and type a skip list ordered by (time, id), so range
 * reads are ordered slices and appends of late data cost a logarithmic insert. Thread-safe (appends are
 * serialised, reads are lock-free); writes made inside an {@link InMemoryTransactionRunner} transaction are undone
 * if it rolls back. Not durable.
 */
public final class InMemoryObservationStore implements ObservationStore {
  private record SeriesKey(PersonId subject, String type) {}

  private record RowKey(long epochMillis, String id) implements Comparable<RowKey> {
    @Override
    public int compareTo(RowKey o) {
      int c = Long.compare(epochMillis, o.epochMillis);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  private final Map<SeriesKey, ConcurrentSkipListMap<RowKey, Observation>> series = new ConcurrentHashMap<>();
  private final Map<ObservationId, Observation> byId = new ConcurrentHashMap<>();
  private final Map<IdempotencyKey, Observation> keys = new HashMap<>();
  private final InMemoryTransactionRunner batches = new InMemoryTransactionRunner();

  /**
   * Idempotency as {@link io.kinhealth.core.memory.IdempotencyTable} defines it, inlined under the store's one lock
   * (a million appends a second): the first write under a key is remembered, a replay with equal content returns
   * it, other content is a conflict.
   */
  @Override
  public synchronized Observation append(IdempotencyKey key, Observation observation) {
    Check.notNull(key, "idempotencyKey");
    Check.notNull(observation, "observation");
    Observation first = keys.get(key);
    if (first != null) {
      if (!first.content().equals(observation.content())) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "idempotencyKey",
            "this idempotency key was first used with a different observation");
      }
      return first;
    }
    Observation stored = insert(observation);
    keys.put(key, stored);
    InMemoryTransactionRunner.recordUndo(() -> undo(key, stored));
    return stored;
  }

  @Override
  public List<Observation> appendAll(List<Append> appends) {
    Check.noNulls(appends, "appends");
    // all or nothing: joins the caller's transaction, or runs in one of its own whose rollback undoes the batch
    return batches.inTransaction(() -> ObservationStore.super.appendAll(appends));
  }

  private synchronized Observation insert(Observation o) {
    Observation existing = byId.putIfAbsent(o.id(), o);
    if (existing != null) {
      throw new ConflictException("observation.id_taken", "id", "another observation is stored under this id");
    }
    RowKey row = new RowKey(o.effectiveAt().toEpochMilli(), o.id().value());
    series.computeIfAbsent(new SeriesKey(o.subject(), o.type().key()), k -> new ConcurrentSkipListMap<>()).put(row, o);
    return o;
  }

  private synchronized void undo(IdempotencyKey key, Observation o) {
    keys.remove(key);
    removeRow(o);
  }

  private synchronized void removeRow(Observation o) {
    byId.remove(o.id());
    ConcurrentSkipListMap<RowKey, Observation> s = series.get(new SeriesKey(o.subject(), o.type().key()));
    if (s != null) {
      s.remove(new RowKey(o.effectiveAt().toEpochMilli(), o.id().value()));
    }
  }

  @Override
  public Optional<Observation> find(ObservationId id) {
    return Optional.ofNullable(byId.get(Check.notNull(id, "id")));
  }

  @Override
  public Page<Observation> findRange(PersonId subject, String type, Instant from, Instant to, PageRequest page) {
    Check.notNull(subject, "subject");
    Check.notBlank(type, "type");
    Check.notNull(from, "from");
    Check.notNull(to, "to");
    Check.notNull(page, "page");
    ConcurrentSkipListMap<RowKey, Observation> s = series.get(new SeriesKey(subject, type));
    if (s == null || !from.isBefore(to)) {
      return Page.last(List.of());
    }
    RowKey start = new RowKey(from.toEpochMilli(), "");
    boolean inclusive = true;
    if (page.cursor() != null) {
      start = parseCursor(page.cursor());
      inclusive = false;
    }
    NavigableMap<RowKey, Observation> slice = s.subMap(start, inclusive, new RowKey(to.toEpochMilli(), ""), false);
    List<Observation> items = new ArrayList<>(Math.min(page.limit(), 256));
    Iterator<Map.Entry<RowKey, Observation>> it = slice.entrySet().iterator();
    RowKey last = null;
    while (it.hasNext() && items.size() < page.limit()) {
      Map.Entry<RowKey, Observation> e = it.next();
      items.add(e.getValue());
      last = e.getKey();
    }
    String next = it.hasNext() && last != null ? last.epochMillis() + ":" + last.id() : null;
    return new Page<>(items, next);
  }

  private static RowKey parseCursor(String cursor) {
    int colon = cursor.indexOf(':');
    try {
      return new RowKey(Long.parseLong(cursor.substring(0, colon)), cursor.substring(colon + 1));
    } catch (RuntimeException e) {
      throw new ValidationException("cursor", "page.cursor_invalid", "the cursor was not issued by this store");
    }
  }

  @Override
  public List<Observation> latest(PersonId subject, String type, int limit) {
    Check.notNull(subject, "subject");
    Check.inRange(limit, 1, PageRequest.MAX_LIMIT, "limit");
    ConcurrentSkipListMap<RowKey, Observation> s = series.get(new SeriesKey(subject, Check.notBlank(type, "type")));
    if (s == null) {
      return List.of();
    }
    List<Observation> out = new ArrayList<>(limit);
    for (Observation o : s.descendingMap().values()) {
      if (out.size() == limit) {
        break;
      }
      out.add(o);
    }
    return out;
  }

  /** How many observations are stored (all members). */
  public int size() {
    return byId.size();
  }
}
