package io.kinhealth.family.memory;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationId;
import io.kinhealth.family.spi.ObservationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default {@link ObservationStore}: per member and type the rows in (time, id) order as chunks of
 * sorted arrays (see {@code SeriesRows}), so range reads are ordered slices, appends in time order cost two array
 * stores and late data a copy of one chunk; ids and idempotency keys in open-addressing tables. A row costs a few
 * array slots beyond the observation itself, which keeps a large import from drowning in garbage-collector copying.
 *
 * <p>Thread-safe: writes are serialised by the store's lock, range and latest reads never lock (they see each
 * series as a consistent prefix of what is being appended). Writes made inside an {@link InMemoryTransactionRunner}
 * transaction are undone if it rolls back: one undo record per append, or per {@link #appendEach} batch. Not
 * durable.
 */
public final class InMemoryObservationStore implements ObservationStore {
  private record SeriesKey(PersonId subject, String type) {}

  private final Map<SeriesKey, SeriesRows> series = new ConcurrentHashMap<>();
  private final RowTable byId = new RowTable(); // guarded by this
  private final RowTable keys = new RowTable(); // idempotency key -> first observation; guarded by this
  private final InMemoryTransactionRunner batches = new InMemoryTransactionRunner();

  /**
   * Idempotency as {@link io.kinhealth.core.memory.IdempotencyTable} defines it, inlined under the store's one lock:
   * the first write under a key is remembered, a replay with equal content returns it, other content is a conflict.
   */
  @Override
  public synchronized Observation append(IdempotencyKey key, Observation observation) {
    Check.notNull(key, "idempotencyKey");
    Check.notNull(observation, "observation");
    String k = key.value();
    long probe = keys.probe(k);
    if (RowTable.found(probe)) {
      Observation first = keys.valueAt(probe);
      if (!first.content().equals(observation.content())) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "idempotencyKey",
            "this idempotency key was first used with a different observation");
      }
      return first;
    }
    claimId(observation);
    keys.insertAt(probe, k, observation);
    rows(observation).add(observation);
    InMemoryTransactionRunner.recordUndo(() -> undo(new String[] {k}, new Observation[] {observation}, 1));
    return observation;
  }

  /** One pass under the lock: keys and ids checked and claimed row by row, rows added per series in one go. */
  @Override
  public List<Outcome> appendEach(List<Append> appends) {
    Check.noNulls(appends, "appends");
    int n = appends.size();
    for (int i = 0; i < n; i++) {
      Append a = appends.get(i);
      if (a.key() == null || a.observation() == null) { // the field name is built only when it is needed
        Check.notNull(a.key(), "appends[" + i + "].key");
        Check.notNull(a.observation(), "appends[" + i + "].observation");
      }
    }
    Outcome[] outcomes = new Outcome[n];
    synchronized (this) {
      String[] storedKeys = new String[n];
      Observation[] stored = new Observation[n];
      int s = 0;
      keys.reserve(n); // grow once for the batch, not by doubling through it
      byId.reserve(n);
      try {
        for (int i = 0; i < n; i++) {
          Append a = appends.get(i);
          String key = a.key().value();
          Observation o = a.observation();
          long probe = keys.probe(key); // one probe finds the key or the slot it goes to (no rehash: reserved)
          if (RowTable.found(probe)) {
            Observation first = keys.valueAt(probe);
            outcomes[i] = first.content().equals(o.content()) ? Outcome.ALREADY_STORED : Outcome.KEY_CONFLICT;
            continue;
          }
          claimId(o);
          keys.insertAt(probe, key, o);
          storedKeys[s] = key;
          stored[s++] = o;
          outcomes[i] = Outcome.STORED;
        }
      } catch (RuntimeException e) {
        release(storedKeys, stored, s); // nothing of a failed batch stays, in or out of a transaction
        throw e;
      }
      addRows(stored, s);
      int count = s;
      InMemoryTransactionRunner.recordUndo(() -> undo(storedKeys, stored, count));
    }
    return Arrays.asList(outcomes);
  }

  @Override
  public List<Observation> appendAll(List<Append> appends) {
    Check.noNulls(appends, "appends");
    // all or nothing: joins the caller's transaction, or runs in one of its own whose rollback undoes the batch
    return batches.inTransaction(() -> ObservationStore.super.appendAll(appends));
  }

  private void claimId(Observation o) {
    if (byId.putIfAbsent(o.id().value(), o) != null) {
      throw new ConflictException("observation.id_taken", "id", "another observation is stored under this id");
    }
  }

  private SeriesRows rows(Observation o) {
    return series.computeIfAbsent(new SeriesKey(o.subject(), o.type().key()), k -> new SeriesRows());
  }

  /** Groups the rows by series (a batch holds a few), sorts each group if it arrived out of order, adds it. */
  private void addRows(Observation[] rows, int n) {
    // two passes: the first finds each row's series and counts them, so every group's arrays have the exact size
    List<Group> groups = new ArrayList<>(4);
    int[] groupOf = new int[n];
    Group last = null;
    int lastIndex = -1;
    for (int i = 0; i < n; i++) {
      Observation o = rows[i];
      if (last == null || !last.holds(o)) {
        last = null;
        for (int j = 0; j < groups.size(); j++) {
          if (groups.get(j).holds(o)) {
            last = groups.get(j);
            lastIndex = j;
            break;
          }
        }
        if (last == null) {
          last = new Group(o);
          lastIndex = groups.size();
          groups.add(last);
        }
      }
      last.expected++;
      groupOf[i] = lastIndex;
    }
    for (int j = 0; j < groups.size(); j++) {
      groups.get(j).allocate();
    }
    for (int i = 0; i < n; i++) {
      groups.get(groupOf[i]).add(rows[i]);
    }
    for (int j = 0; j < groups.size(); j++) {
      Group g = groups.get(j);
      g.sortIfNeeded();
      rows(g.rows[0]).addSorted(g.rows, g.at, 0, g.size);
    }
  }

  private static final class Group {
    final PersonId subject;
    final String type;
    Observation[] rows;
    long[] at;
    int expected;
    int size;
    boolean sorted = true;

    Group(Observation first) {
      this.subject = first.subject();
      this.type = first.type().key();
    }

    void allocate() {
      rows = new Observation[expected];
      at = new long[expected];
    }

    boolean holds(Observation o) {
      return (o.type().key() == type || o.type().key().equals(type))
          && (o.subject() == subject || o.subject().equals(subject));
    }

    void add(Observation o) {
      long t = o.effectiveAt().toEpochMilli();
      if (sorted && size > 0 && SeriesRows.compare(at[size - 1], rows[size - 1].id().value(), t, o.id().value()) > 0) {
        sorted = false;
      }
      rows[size] = o;
      at[size++] = t;
    }

    void sortIfNeeded() {
      if (sorted) {
        return;
      }
      Observation[] copy = Arrays.copyOf(rows, size);
      Arrays.sort(copy, SeriesRows::compare);
      for (int i = 0; i < size; i++) {
        rows[i] = copy[i];
        at[i] = copy[i].effectiveAt().toEpochMilli();
      }
    }
  }

  private synchronized void release(String[] storedKeys, Observation[] stored, int n) {
    for (int i = 0; i < n; i++) {
      keys.remove(storedKeys[i], stored[i]);
      byId.remove(stored[i].id().value(), stored[i]);
    }
  }

  private synchronized void undo(String[] storedKeys, Observation[] stored, int n) {
    release(storedKeys, stored, n);
    Map<SeriesKey, Set<Observation>> bySeries = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Observation o = stored[i];
      bySeries.computeIfAbsent(new SeriesKey(o.subject(), o.type().key()),
          k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(o);
    }
    bySeries.forEach((k, gone) -> {
      SeriesRows rows = series.get(k);
      if (rows != null) {
        rows.removeAll(gone);
      }
    });
  }

  @Override
  public synchronized Optional<Observation> find(ObservationId id) {
    return Optional.ofNullable(byId.get(Check.notNull(id, "id").value()));
  }

  @Override
  public Page<Observation> findRange(PersonId subject, String type, Instant from, Instant to, PageRequest page) {
    Check.notNull(subject, "subject");
    Check.notBlank(type, "type");
    Check.notNull(from, "from");
    Check.notNull(to, "to");
    Check.notNull(page, "page");
    SeriesRows s = series.get(new SeriesKey(subject, type));
    if (s == null || !from.isBefore(to)) {
      return Page.last(List.of());
    }
    long startAt = from.toEpochMilli();
    String startId = "";
    boolean after = false;
    if (page.cursor() != null) {
      String cursor = page.cursor();
      int colon = cursor.indexOf(':');
      try {
        startAt = Long.parseLong(cursor.substring(0, colon));
        startId = cursor.substring(colon + 1);
      } catch (RuntimeException e) {
        throw new ValidationException("cursor", "page.cursor_invalid", "the cursor was not issued by this store");
      }
      after = true;
    }
    List<Observation> items = new ArrayList<>(Math.min(page.limit(), 256));
    boolean more = s.collect(startAt, startId, after, to.toEpochMilli(), page.limit(), items);
    String next = null;
    if (more && !items.isEmpty()) {
      Observation last = items.get(items.size() - 1);
      next = last.effectiveAt().toEpochMilli() + ":" + last.id().value();
    }
    return new Page<>(items, next);
  }

  @Override
  public List<Observation> latest(PersonId subject, String type, int limit) {
    Check.notNull(subject, "subject");
    Check.inRange(limit, 1, PageRequest.MAX_LIMIT, "limit");
    SeriesRows s = series.get(new SeriesKey(subject, Check.notBlank(type, "type")));
    return s == null ? List.of() : s.latest(limit);
  }

  /** How many observations are stored (all members). */
  public synchronized int size() {
    return byId.size();
  }
}
