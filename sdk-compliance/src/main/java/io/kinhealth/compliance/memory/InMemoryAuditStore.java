package io.kinhealth.compliance.memory;

import io.kinhealth.compliance.audit.AuditEntry;
import io.kinhealth.compliance.spi.AuditStore;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.IdempotencyTable;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded default {@link AuditStore}: an append-only list in memory. Thread-safe; an append made inside a
 * rolled-back {@link InMemoryTransactionRunner} transaction is undone (the chain never saw it). Not durable.
 */
public final class InMemoryAuditStore implements AuditStore {
  private final List<AuditEntry> entries = new ArrayList<>();
  private final Map<PersonId, List<AuditEntry>> bySubject = new HashMap<>();
  private final IdempotencyTable<AuditEntry> appends = new IdempotencyTable<>();

  @Override
  public AuditEntry append(AuditEntry entry, IdempotencyKey key) {
    Check.notNull(entry, "entry");
    return appends.apply(key, entry.record(), () -> {
      synchronized (this) {
        AuditEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        long expected = last == null ? 1 : last.sequence() + 1;
        String prev = last == null ? AuditEntry.GENESIS : last.hash();
        if (entry.sequence() != expected || !entry.previousHash().equals(prev)) {
          throw new ConflictException("audit.sequence_conflict", "sequence",
              "the audit chain moved on; re-chain the entry and retry");
        }
        entries.add(entry);
        entry.record().subject().ifPresent(s -> bySubject.computeIfAbsent(s, k -> new ArrayList<>()).add(entry));
        InMemoryTransactionRunner.recordUndo(() -> removeLast(entry));
        return entry;
      }
    });
  }

  private synchronized void removeLast(AuditEntry entry) {
    entries.remove(entries.size() - 1);
    entry.record().subject().ifPresent(s -> {
      List<AuditEntry> l = bySubject.get(s);
      l.remove(l.size() - 1);
    });
  }

  @Override
  public synchronized Optional<AuditEntry> last() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
  }

  @Override
  public synchronized Page<AuditEntry> read(long fromSequence, PageRequest page) {
    Check.notNull(page, "page");
    long from = page.cursor() == null ? Math.max(1, fromSequence) : Long.parseLong(page.cursor());
    List<AuditEntry> items = new ArrayList<>();
    for (long s = from; s <= entries.size() && items.size() < page.limit(); s++) {
      items.add(entries.get((int) (s - 1)));
    }
    long next = from + items.size();
    return next <= entries.size() ? new Page<>(items, Long.toString(next)) : Page.last(items);
  }

  @Override
  public synchronized Page<AuditEntry> findBySubject(PersonId subjectId, PageRequest page) {
    Check.notNull(subjectId, "subjectId");
    Check.notNull(page, "page");
    List<AuditEntry> all = bySubject.getOrDefault(subjectId, List.of());
    int from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
    int to = Math.min(all.size(), from + page.limit());
    List<AuditEntry> items = new ArrayList<>(all.subList(Math.min(from, to), to));
    return to < all.size() ? new Page<>(items, Integer.toString(to)) : Page.last(items);
  }
}
