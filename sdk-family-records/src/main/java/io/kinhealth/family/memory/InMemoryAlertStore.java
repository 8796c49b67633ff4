package io.kinhealth.family.memory;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.spi.AlertStore;
import io.kinhealth.family.spi.StoredWrite;
import io.kinhealth.family.triage.Alert;
import io.kinhealth.family.triage.AlertId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The embedded default {@link AlertStore}: alerts by id with an index of unresolved alerts by (member, condition).
 * Thread-safe (operations are serialised); writes made inside an {@link InMemoryTransactionRunner} transaction are
 * undone if it rolls back. Range reads scan all alerts, which suits the embedded default's scale. Not durable.
 */
public final class InMemoryAlertStore implements AlertStore {
  private record OpenKey(PersonId subject, String condition) {}

  private static final Comparator<Alert> REVIEW_ORDER = Comparator.comparing(Alert::severity).reversed()
      .thenComparing(Alert::raisedAt).thenComparing(a -> a.id().value());
  private static final Comparator<Alert> DUE_ORDER = Comparator
      .comparing((Alert a) -> a.triage().nextActionAt()).thenComparing(a -> a.id().value());

  private final Map<AlertId, Alert> alerts = new HashMap<>();
  private final Map<OpenKey, AlertId> open = new HashMap<>();
  private final KeyedWrites writes = new KeyedWrites();

  @Override
  public synchronized Alert create(IdempotencyKey key, String requestDigest, Alert alert) {
    Check.notNull(alert, "alert");
    return writes.once(key, requestDigest, () -> {
      if (alerts.containsKey(alert.id())) {
        throw new ConflictException("alert.id_taken", "id", "an alert with this id exists");
      }
      OpenKey ok = new OpenKey(alert.subject(), alert.condition());
      if (alert.isUnresolved() && open.containsKey(ok)) {
        throw new ConflictException("alert.already_open", "condition",
            "the member already has an unresolved alert for this condition");
      }
      Alert stored = alert.withVersion(1);
      put(null, stored);
      return stored;
    }, a -> a.id().value(), this::current);
  }

  @Override
  public synchronized Alert update(IdempotencyKey key, String requestDigest, Alert alert, long expectedVersion) {
    Check.notNull(alert, "alert");
    return writes.once(key, requestDigest, () -> {
      Alert previous = alerts.get(alert.id());
      if (previous == null) {
        throw new NotFoundException("alert.not_found", "id", "no such alert");
      }
      if (previous.version() != expectedVersion) {
        throw new ConflictException("alert.version_conflict", "version",
            "the alert changed since it was read; read it again and retry");
      }
      if (!previous.subject().equals(alert.subject()) || !previous.condition().equals(alert.condition())) {
        throw new ValidationException("alert", "alert.identity_changed", "an alert's member and condition never change");
      }
      if (!previous.isUnresolved() && alert.isUnresolved()) {
        throw new ConflictException("alert.resolved", "status", "a resolved alert stays resolved");
      }
      Alert stored = alert.withVersion(expectedVersion + 1);
      put(previous, stored);
      return stored;
    }, a -> a.id().value(), this::current);
  }

  private Alert current(String id) {
    return alerts.get(AlertId.of(id));
  }

  private void put(Alert previous, Alert stored) {
    alerts.put(stored.id(), stored);
    OpenKey ok = new OpenKey(stored.subject(), stored.condition());
    if (stored.isUnresolved()) {
      open.put(ok, stored.id());
    } else {
      open.remove(ok, stored.id());
    }
    InMemoryTransactionRunner.recordUndo(() -> restore(previous, stored));
  }

  private synchronized void restore(Alert previous, Alert stored) {
    OpenKey ok = new OpenKey(stored.subject(), stored.condition());
    if (previous == null) {
      alerts.remove(stored.id());
      open.remove(ok, stored.id());
    } else {
      alerts.put(previous.id(), previous);
      if (previous.isUnresolved()) {
        open.put(ok, previous.id());
      }
    }
  }

  @Override
  public synchronized Optional<Alert> find(AlertId id) {
    return Optional.ofNullable(alerts.get(Check.notNull(id, "id")));
  }

  @Override
  public synchronized Optional<Alert> latest(PersonId subject, String condition) {
    Check.notNull(subject, "subject");
    Check.notBlank(condition, "condition");
    return alerts.values().stream().filter(a -> a.subject().equals(subject) && a.condition().equals(condition))
        .max(Comparator.comparing(Alert::raisedAt).thenComparing(a -> a.id().value()));
  }

  @Override
  public synchronized List<Alert> unresolved(PersonId subject) {
    Check.notNull(subject, "subject");
    List<Alert> out = new ArrayList<>();
    open.forEach((k, id) -> {
      if (k.subject().equals(subject)) {
        out.add(alerts.get(id));
      }
    });
    out.sort(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::raisedAt,
        Comparator.reverseOrder()).thenComparing(a -> a.id().value()));
    return out;
  }

  @Override
  public synchronized Page<Alert> awaitingReview(AlertSeverity severity, PageRequest page) {
    Check.notNull(severity, "severity");
    Check.notNull(page, "page");
    return pageOf(a -> a.isUnresolved() && a.severity().compareTo(severity) >= 0, REVIEW_ORDER, page,
        a -> a.severity().ordinal() + "|" + a.raisedAt() + "|" + a.id().value(), this::reviewCursor);
  }

  @Override
  public synchronized Page<Alert> dueForAction(Instant now, PageRequest page) {
    Check.notNull(now, "now");
    Check.notNull(page, "page");
    return pageOf(a -> a.triage().nextActionAt() != null && !a.triage().nextActionAt().isAfter(now), DUE_ORDER, page,
        a -> a.triage().nextActionAt() + "|" + a.id().value(), this::dueCursor);
  }

  /** Keyset paging: the items strictly after the cursor's position in {@code order}. */
  private Page<Alert> pageOf(Predicate<Alert> filter, Comparator<Alert> order, PageRequest page,
      java.util.function.Function<Alert, String> cursorOf,
      java.util.function.Function<String, Predicate<Alert>> after) {
    Predicate<Alert> afterCursor = page.cursor() == null ? a -> true : after.apply(page.cursor());
    List<Alert> matching = alerts.values().stream().filter(filter).filter(afterCursor).sorted(order).toList();
    List<Alert> items = matching.subList(0, Math.min(page.limit(), matching.size()));
    String next = matching.size() > items.size() ? cursorOf.apply(items.get(items.size() - 1)) : null;
    return new Page<>(items, next);
  }

  private Predicate<Alert> reviewCursor(String cursor) {
    String[] p = split(cursor);
    int severity = Integer.parseInt(p[0]);
    Instant raised = Instant.parse(p[1]);
    return a -> {
      int c = Integer.compare(severity, a.severity().ordinal()); // severity descending
      if (c == 0) {
        c = a.raisedAt().compareTo(raised);
      }
      if (c == 0) {
        c = a.id().value().compareTo(p[2]);
      }
      return c > 0;
    };
  }

  private Predicate<Alert> dueCursor(String cursor) {
    String[] p = split(cursor);
    Instant at = Instant.parse(p[0]);
    return a -> {
      int c = a.triage().nextActionAt().compareTo(at);
      return c > 0 || (c == 0 && a.id().value().compareTo(p[1]) > 0);
    };
  }

  private static String[] split(String cursor) {
    String[] p = cursor.split("\\|", -1);
    if (p.length < 2) {
      throw new ValidationException("cursor", "page.cursor_invalid", "the cursor was not issued by this store");
    }
    return p;
  }

  @Override
  public synchronized Optional<StoredWrite> findWrite(IdempotencyKey key) {
    return writes.find(key);
  }

  /** How many alerts are stored. */
  public synchronized int size() {
    return alerts.size();
  }
}
