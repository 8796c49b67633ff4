package io.kinhealth.compliance.memory;

import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentId;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentStatus;
import io.kinhealth.compliance.consent.Withdrawal;
import io.kinhealth.compliance.spi.ConsentStore;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.NotFoundException;
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
import java.util.TreeMap;

/**
 * The embedded default {@link ConsentStore}: records in memory, indexed by subject. Thread-safe; writes take part in
 * {@link InMemoryTransactionRunner} transactions (undone on rollback). Not durable.
 */
public final class InMemoryConsentStore implements ConsentStore {
  private record WithdrawalPayload(ConsentId id, PersonId by, ConsentChannel channel, String reason) {}

  private final Map<String, ConsentRecord> byId = new HashMap<>();
  private final Map<PersonId, TreeMap<String, ConsentRecord>> bySubject = new HashMap<>();
  private final IdempotencyTable<ConsentRecord> inserts = new IdempotencyTable<>();
  private final IdempotencyTable<ConsentRecord> withdrawals = new IdempotencyTable<>();

  @Override
  public ConsentRecord insert(ConsentRecord record, IdempotencyKey key) {
    Check.notNull(record, "record");
    Check.that(record.version() == 1 && record.isActive(), "record", "consent.not_new",
        "a new consent record is active at version 1");
    return inserts.apply(key, record.grant(), () -> {
      synchronized (this) {
        if (byId.containsKey(record.id().value())) {
          throw new ConflictException("consent.duplicate_id", "consentId", "a consent with this id exists");
        }
        put(record);
        InMemoryTransactionRunner.recordUndo(() -> remove(record));
        return record;
      }
    });
  }

  @Override
  public synchronized Optional<ConsentRecord> find(ConsentId id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id.value()));
  }

  @Override
  public ConsentRecord withdraw(ConsentId id, long expectedVersion, Withdrawal withdrawal, IdempotencyKey key) {
    Check.notNull(id, "consentId");
    Check.notNull(withdrawal, "withdrawal");
    WithdrawalPayload payload = new WithdrawalPayload(id, withdrawal.by(), withdrawal.channel(), withdrawal.reason());
    return withdrawals.apply(key, payload, () -> {
      synchronized (this) {
        ConsentRecord current = byId.get(id.value());
        if (current == null) {
          throw new NotFoundException("consent.not_found", "consentId", "no consent with this id");
        }
        if (current.version() != expectedVersion) {
          throw new ConflictException("consent.version_conflict", "expectedVersion",
              "the consent changed since it was read");
        }
        ConsentRecord updated = current.withdrawn(withdrawal);
        put(updated);
        InMemoryTransactionRunner.recordUndo(() -> put(current));
        return updated;
      }
    });
  }

  @Override
  public synchronized Page<ConsentRecord> findBySubject(PersonId subjectId, ConsentStatus status,
      PageRequest page) {
    Check.notNull(subjectId, "subjectId");
    Check.notNull(page, "page");
    TreeMap<String, ConsentRecord> all = bySubject.get(subjectId);
    if (all == null) {
      return Page.last(List.of());
    }
    List<ConsentRecord> items = new ArrayList<>();
    Map<String, ConsentRecord> tail = page.cursor() == null ? all : all.tailMap(page.cursor(), false);
    for (ConsentRecord r : tail.values()) {
      if (status != null && r.status() != status) {
        continue;
      }
      if (items.size() == page.limit()) {
        return new Page<>(items, items.get(items.size() - 1).id().value());
      }
      items.add(r);
    }
    return Page.last(items);
  }

  private synchronized void put(ConsentRecord r) {
    byId.put(r.id().value(), r);
    bySubject.computeIfAbsent(r.subjectId(), k -> new TreeMap<>()).put(r.id().value(), r);
  }

  private synchronized void remove(ConsentRecord r) {
    byId.remove(r.id().value());
    TreeMap<String, ConsentRecord> m = bySubject.get(r.subjectId());
    if (m != null) {
      m.remove(r.id().value());
    }
  }
}
