package io.kinhealth.family.spi;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.triage.Alert;
import io.kinhealth.family.triage.AlertId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores alerts.
 *
 * <p>Contract (checked by {@code AlertStoreContractKit} in kinhealth-testkit):
 * <ul>
 *   <li>every write takes an idempotency key and the digest of the request behind it: the same key with the same
 *       digest returns the alert as stored now, without writing; another digest throws
 *       {@link io.kinhealth.core.error.IdempotencyConflictException}; {@link #findWrite} tells what a key wrote;
 *   <li>{@link #create} stores version 1; it fails with {@link io.kinhealth.core.error.ConflictException} (reason
 *       {@code alert.already_open}) when the member already has an unresolved alert for the same condition — one
 *       condition, one open alert, even under concurrent evaluation — and (reason {@code alert.id_taken}) when the id
 *       exists;
 *   <li>{@link #update} stores {@code expectedVersion + 1}; it fails with {@code ConflictException} (reason
 *       {@code alert.version_conflict}) unless the stored version equals {@code expectedVersion}, and with
 *       {@link io.kinhealth.core.error.NotFoundException} for an unknown id; subject and condition never change,
 *       and a resolved alert stays resolved ({@code ConflictException}, reason {@code alert.resolved});
 *   <li>{@link #unresolved} lists a member's unresolved alerts (one per condition, so a few rows);
 *       {@link #latest} gives the most recently raised alert of a member's condition, resolved or not;
 *   <li>{@link #awaitingReview} pages through unresolved alerts of at least a severity, most severe first, then
 *       oldest raised, then id; {@link #dueForAction} pages through alerts whose {@code triage.nextActionAt} is at or
 *       before {@code now}, by that time then id; cursors are opaque and stable while alerts change;
 *   <li>a write that throws leaves nothing behind; writes join the caller's
 *       {@link io.kinhealth.core.spi.TransactionRunner} transaction.
 * </ul>
 * A JDBC implementation maps an alert to one row (evidence and pending notice as JSON) with a partial unique index on
 * (subject, condition) where status is not RESOLVED, and indexes on (status, severity, raised_at) and
 * (next_action_at).
 */
public interface AlertStore {

  Alert create(IdempotencyKey key, String requestDigest, Alert alert);

  Alert update(IdempotencyKey key, String requestDigest, Alert alert, long expectedVersion);

  Optional<Alert> find(AlertId id);

  /** The most recently raised alert of {@code subject} for {@code condition}, resolved or not. */
  Optional<Alert> latest(PersonId subject, String condition);

  /** The member's unresolved alerts, most severe first, then newest raised. */
  List<Alert> unresolved(PersonId subject);

  /** Unresolved alerts of at least {@code severity}: most severe first, then oldest raised, then id. */
  Page<Alert> awaitingReview(AlertSeverity severity, PageRequest page);

  /** Alerts whose next action is due at {@code now}: by next-action time, then id. */
  Page<Alert> dueForAction(Instant now, PageRequest page);

  /** What the write under {@code key} was and which alert it wrote, if a write used that key. */
  Optional<StoredWrite> findWrite(IdempotencyKey key);
}
