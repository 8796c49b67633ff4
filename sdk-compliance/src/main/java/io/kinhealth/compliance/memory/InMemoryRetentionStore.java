package io.kinhealth.compliance.memory;

import io.kinhealth.compliance.retention.ErasureReason;
import io.kinhealth.compliance.retention.LegalHold;
import io.kinhealth.compliance.retention.LegalHoldId;
import io.kinhealth.compliance.retention.Tombstone;
import io.kinhealth.compliance.spi.RetentionStore;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.IdempotencyTable;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The embedded default {@link RetentionStore}. Thread-safe, transactional, not durable. */
public final class InMemoryRetentionStore implements RetentionStore {
  private record HoldPayload(PersonId subject, Set<DataCategory> categories, String reason, String caseRef) {}

  private record ReleasePayload(LegalHoldId id) {}

  private record TombstonePayload(String ref, PersonId subject, DataCategory category, Purpose purpose,
      ErasureReason reason) {}

  private final Map<LegalHoldId, LegalHold> holds = new LinkedHashMap<>();
  private final Map<String, Tombstone> tombstones = new LinkedHashMap<>();
  private final Map<PersonId, List<Tombstone>> tombstonesBySubject = new HashMap<>();
  private final IdempotencyTable<LegalHold> places = new IdempotencyTable<>();
  private final IdempotencyTable<LegalHold> releases = new IdempotencyTable<>();
  private final IdempotencyTable<Tombstone> erasures = new IdempotencyTable<>();

  @Override
  public LegalHold placeHold(LegalHold hold, IdempotencyKey key) {
    Check.notNull(hold, "hold");
    Check.that(hold.version() == 1 && hold.isActive(), "hold", "legal_hold.not_new", "a new hold is active at v1");
    return places.apply(key, new HoldPayload(hold.subjectId(), hold.categories(), hold.reason(),
        hold.caseReference()), () -> {
          synchronized (this) {
            if (holds.containsKey(hold.id())) {
              throw new ConflictException("legal_hold.duplicate_id", "legalHoldId", "a hold with this id exists");
            }
            holds.put(hold.id(), hold);
            InMemoryTransactionRunner.recordUndo(() -> removeHold(hold.id()));
            return hold;
          }
        });
  }

  private synchronized void removeHold(LegalHoldId id) {
    holds.remove(id);
  }

  private synchronized void putHold(LegalHold h) {
    holds.put(h.id(), h);
  }

  @Override
  public LegalHold releaseHold(LegalHoldId id, long expectedVersion, Instant releasedAt, IdempotencyKey key) {
    Check.notNull(id, "legalHoldId");
    Check.notNull(releasedAt, "releasedAt");
    return releases.apply(key, new ReleasePayload(id), () -> {
      synchronized (this) {
        LegalHold current = holds.get(id);
        if (current == null) {
          throw new NotFoundException("legal_hold.not_found", "legalHoldId", "no legal hold with this id");
        }
        if (current.version() != expectedVersion) {
          throw new ConflictException("legal_hold.version_conflict", "expectedVersion", "the hold changed");
        }
        LegalHold released = current.released(releasedAt);
        holds.put(id, released);
        InMemoryTransactionRunner.recordUndo(() -> putHold(current));
        return released;
      }
    });
  }

  @Override
  public synchronized Optional<LegalHold> findHold(LegalHoldId id) {
    return Optional.ofNullable(id == null ? null : holds.get(id));
  }

  @Override
  public synchronized List<LegalHold> activeHolds(PersonId subjectId) {
    List<LegalHold> out = new ArrayList<>(2);
    for (LegalHold h : holds.values()) {
      if (h.isActive() && h.subjectId().equals(subjectId)) {
        out.add(h);
      }
    }
    return out;
  }

  @Override
  public Tombstone insertTombstone(Tombstone t, IdempotencyKey key) {
    Check.notNull(t, "tombstone");
    return erasures.apply(key, new TombstonePayload(t.recordRef(), t.subjectId(), t.category(), t.purpose(),
        t.reason()), () -> {
          synchronized (this) {
            if (tombstones.containsKey(t.recordRef())) {
              throw new ConflictException("erasure.already_recorded", "recordRef",
                  "this record's erasure is already recorded");
            }
            tombstones.put(t.recordRef(), t);
            tombstonesBySubject.computeIfAbsent(t.subjectId(), k -> new ArrayList<>()).add(t);
            InMemoryTransactionRunner.recordUndo(() -> removeTombstone(t));
            return t;
          }
        });
  }

  private synchronized void removeTombstone(Tombstone t) {
    tombstones.remove(t.recordRef());
    List<Tombstone> l = tombstonesBySubject.get(t.subjectId());
    l.remove(l.size() - 1);
  }

  @Override
  public synchronized Optional<Tombstone> findTombstone(String recordRef) {
    return Optional.ofNullable(recordRef == null ? null : tombstones.get(recordRef));
  }

  @Override
  public synchronized Page<Tombstone> tombstonesOf(PersonId subjectId, PageRequest page) {
    Check.notNull(subjectId, "subjectId");
    Check.notNull(page, "page");
    List<Tombstone> all = tombstonesBySubject.getOrDefault(subjectId, List.of());
    int from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
    int to = Math.min(all.size(), from + page.limit());
    List<Tombstone> items = new ArrayList<>(all.subList(Math.min(from, to), to));
    return to < all.size() ? new Page<>(items, Integer.toString(to)) : Page.last(items);
  }
}
