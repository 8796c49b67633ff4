package io.kinhealth.family.memory;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.IdempotencyTable;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.calendar.MenstrualPeriod;
import io.kinhealth.family.calendar.Pregnancy;
import io.kinhealth.family.calendar.PregnancyId;
import io.kinhealth.family.spi.CalendarStore;
import io.kinhealth.family.spi.StoredWrite;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The embedded default {@link CalendarStore}: per member a sorted map of period starts, and pregnancies by id.
 * Thread-safe (operations are serialised); writes inside an {@link InMemoryTransactionRunner} transaction are undone
 * if it rolls back. Not durable.
 */
public final class InMemoryCalendarStore implements CalendarStore {
  private record Removal(PersonId subject, LocalDate start) {}

  private final Map<PersonId, NavigableMap<LocalDate, MenstrualPeriod>> periods = new HashMap<>();
  private final Map<PregnancyId, Pregnancy> pregnancies = new HashMap<>();
  private final IdempotencyTable<MenstrualPeriod> periodKeys = new IdempotencyTable<>();
  private final IdempotencyTable<Boolean> removalKeys = new IdempotencyTable<>();
  private final KeyedWrites writes = new KeyedWrites();

  @Override
  public synchronized MenstrualPeriod addPeriod(IdempotencyKey key, MenstrualPeriod period) {
    Check.notNull(period, "period");
    return periodKeys.apply(key, period, () -> {
      NavigableMap<LocalDate, MenstrualPeriod> log = periods.computeIfAbsent(period.subject(), k -> new TreeMap<>());
      if (log.containsKey(period.start())) {
        throw new ConflictException("calendar.period.exists", "start", "a period is already logged for that day");
      }
      log.put(period.start(), period);
      InMemoryTransactionRunner.recordUndo(() -> undoAdd(period));
      return period;
    });
  }

  private synchronized void undoAdd(MenstrualPeriod period) {
    NavigableMap<LocalDate, MenstrualPeriod> log = periods.get(period.subject());
    if (log != null) {
      log.remove(period.start(), period);
    }
  }

  @Override
  public synchronized boolean removePeriod(IdempotencyKey key, PersonId subject, LocalDate start) {
    Check.notNull(subject, "subject");
    Check.notNull(start, "start");
    return removalKeys.apply(key, new Removal(subject, start), () -> {
      NavigableMap<LocalDate, MenstrualPeriod> log = periods.get(subject);
      MenstrualPeriod removed = log == null ? null : log.remove(start);
      if (removed != null) {
        InMemoryTransactionRunner.recordUndo(() -> undoRemove(removed));
      }
      return removed != null;
    });
  }

  private synchronized void undoRemove(MenstrualPeriod period) {
    periods.computeIfAbsent(period.subject(), k -> new TreeMap<>()).put(period.start(), period);
  }

  @Override
  public synchronized List<MenstrualPeriod> recentPeriods(PersonId subject, LocalDate before, int limit) {
    Check.notNull(subject, "subject");
    Check.notNull(before, "before");
    Check.inRange(limit, 1, PageRequest.MAX_LIMIT, "limit");
    NavigableMap<LocalDate, MenstrualPeriod> log = periods.get(subject);
    if (log == null) {
      return List.of();
    }
    List<MenstrualPeriod> out = new ArrayList<>();
    for (MenstrualPeriod p : log.headMap(before, false).descendingMap().values()) {
      if (out.size() == limit) {
        break;
      }
      out.add(p);
    }
    return out;
  }

  @Override
  public synchronized Pregnancy savePregnancy(IdempotencyKey key, String requestDigest, Pregnancy pregnancy,
      long expectedVersion) {
    Check.notNull(pregnancy, "pregnancy");
    return writes.once(key, requestDigest, () -> {
      Pregnancy current = pregnancies.get(pregnancy.id());
      long stored = current == null ? 0 : current.version();
      if (stored != expectedVersion) {
        throw new ConflictException("pregnancy.version_conflict", "version",
            "the pregnancy changed since it was read; read it again and retry");
      }
      if (current != null && !current.subject().equals(pregnancy.subject())) {
        throw new ConflictException("pregnancy.id_taken", "id", "another member's pregnancy has this id");
      }
      Pregnancy next = pregnancy.withVersion(expectedVersion + 1);
      pregnancies.put(next.id(), next);
      InMemoryTransactionRunner.recordUndo(() -> undoSave(next.id(), current));
      return next;
    }, p -> p.id().value(), id -> pregnancies.get(PregnancyId.of(id)));
  }

  private synchronized void undoSave(PregnancyId id, Pregnancy previous) {
    if (previous == null) {
      pregnancies.remove(id);
    } else {
      pregnancies.put(id, previous);
    }
  }

  @Override
  public synchronized Optional<Pregnancy> findPregnancy(PregnancyId id) {
    return Optional.ofNullable(pregnancies.get(Check.notNull(id, "id")));
  }

  @Override
  public synchronized List<Pregnancy> pregnanciesOf(PersonId subject) {
    Check.notNull(subject, "subject");
    return pregnancies.values().stream().filter(p -> p.subject().equals(subject))
        .sorted(Comparator.comparing(Pregnancy::lastMenstrualPeriod).reversed()
            .thenComparing(p -> p.id().value()))
        .toList();
  }

  @Override
  public synchronized Optional<StoredWrite> findWrite(IdempotencyKey key) {
    return writes.find(key);
  }
}
