package io.kinhealth.family;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.EventBus;
import io.kinhealth.core.spi.IdGenerator;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import io.kinhealth.core.validation.CommandValidator;
import io.kinhealth.family.calendar.Pregnancy;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.dashboard.OpenAlert;
import io.kinhealth.family.dedup.DeduplicatedReading;
import io.kinhealth.family.graph.MemberProfile;
import io.kinhealth.family.internal.DerivedKeys;
import io.kinhealth.family.internal.RequestDigest;
import io.kinhealth.family.observation.GestationalAge;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.risk.MeasurementSetting;
import io.kinhealth.family.risk.RiskContext;
import io.kinhealth.family.risk.RiskEngine;
import io.kinhealth.family.risk.RiskFinding;
import io.kinhealth.family.spi.AlertFeed;
import io.kinhealth.family.spi.AlertSink;
import io.kinhealth.family.spi.AlertStore;
import io.kinhealth.family.spi.StoredWrite;
import io.kinhealth.family.triage.Alert;
import io.kinhealth.family.triage.AlertEvidence;
import io.kinhealth.family.triage.AlertId;
import io.kinhealth.family.triage.AlertReview;
import io.kinhealth.family.triage.AlertStatus;
import io.kinhealth.family.triage.AlertTriage;
import io.kinhealth.family.triage.DeliveryStatus;
import io.kinhealth.family.triage.EscalationPolicy;
import io.kinhealth.family.triage.NoticeReason;
import io.kinhealth.family.triage.TriageNotice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Risk rules to a person: readings are judged by the {@link RiskEngine} as they are stored (on the
 * {@link ObservationsRecorded} event, or by {@link #evaluate}), findings become {@link Alert}s — one unresolved alert
 * per member and condition, gaining evidence and rising in severity — and HIGH and CRITICAL alerts go to the
 * human-review queue ({@link AlertSink}) as {@link TriageNotice}s. A person acknowledges and resolves them; an alert
 * nobody acknowledges in time is escalated by {@link #runDueActions()}, which the host calls on a schedule (the SDK
 * starts no threads).
 *
 * <p>Guarantees:
 * <ul>
 *   <li>evaluation is idempotent and order-independent: judging the same readings again changes nothing, late readings
 *       confirm or add evidence like fresh ones, readings older than the evaluation horizon (default 7 days) raise
 *       nothing new, and readings from before a resolution never reopen the condition;
 *   <li>a notice is written with its alert (an outbox on the alert) and delivered after the transaction commits, so
 *       a rolled-back alert never reaches a person and a failed delivery is retried, with the same idempotency key;
 *   <li>members and relatives see alerts only through {@link FamilyViewing} (the alert's consent category); the
 *       dashboard's {@link AlertFeed} is answered from here;
 *   <li>evaluation reads the member's own readings and pregnancy without a consent decision: it is the
 *       health-monitoring processing the member enrolled in (the host records that consent, purpose
 *       {@code health_monitoring}); notices carry health values to the host's reviewers only.
 * </ul>
 * With a host event bus that delivers {@link ObservationsRecorded} to every node, every node evaluates; store
 * idempotency and alert versions make the outcome one alert. Thread-safe; built by {@link FamilyRecords}.
 */
public final class TriageService implements AlertFeed {
  /** Readings older than this when they are judged raise no new alert. */
  public static final Duration DEFAULT_HORIZON = Duration.ofDays(7);
  private static final Logger LOG = LoggerFactory.getLogger(TriageService.class);
  private static final int ATTEMPTS = 5;
  private static final int PAGE = 100;

  private final AlertStore store;
  private final AlertSink sink;
  private final RiskEngine engine;
  private final EscalationPolicy policy;
  private final ObservationService observations;
  private final CalendarService calendar;
  private final FamilyService families;
  private final FamilyViewing viewing;
  private final TransactionRunner tx;
  private final IdGenerator ids;
  private final Clock clock;
  private final Set<String> clinicalSources;
  private final Duration horizon;
  private final CommandValidator validator;
  private final EventBus events;

  TriageService(AlertStore store, AlertSink sink, RiskEngine engine, EscalationPolicy policy,
      ObservationService observations, CalendarService calendar, FamilyService families, FamilyViewing viewing,
      TransactionRunner tx, IdGenerator ids, Clock clock, Set<String> clinicalSources, Duration horizon,
      CommandValidator validator, EventBus events) {
    this.store = store;
    this.sink = sink;
    this.engine = engine;
    this.policy = policy;
    this.observations = observations;
    this.calendar = calendar;
    this.families = families;
    this.viewing = viewing;
    this.tx = tx;
    this.ids = ids;
    this.clock = clock;
    this.clinicalSources = Set.copyOf(clinicalSources);
    this.horizon = horizon;
    this.validator = validator;
    this.events = events;
    events.subscribe(ObservationsRecorded.class, this::onRecorded);
  }

  public RiskEngine engine() {
    return engine;
  }

  public EscalationPolicy policy() {
    return policy;
  }

  private void onRecorded(ObservationsRecorded e) {
    try {
      evaluate(e.subject(), e.observationType(), e.from(), e.to());
    } catch (RuntimeException ex) {
      // the readings are stored either way; a host can re-run evaluate() for the span
      LOG.warn("risk evaluation failed for a {} span: {}", e.observationType(), ex.getClass().getName());
    }
  }

  /**
   * Judges the member's readings of {@code type} effective in {@code [from, to]} (and no older than the horizon)
   * and applies the findings to her alerts; returns the alerts that changed.
   */
  public List<Alert> evaluate(PersonId subject, String type, Instant from, Instant to) {
    Check.notNull(subject, "subject");
    Check.notNull(from, "from");
    Check.notNull(to, "to");
    ObservationType t = observations.types().get(type);
    if (!engine.watches(t.key())) {
      return List.of();
    }
    Instant now = clock.instant();
    Instant start = from.isBefore(now.minus(horizon)) ? now.minus(horizon) : from;
    if (start.isAfter(to)) {
      return List.of();
    }
    Duration around = engine.historyNeeded(t.key());
    Instant readTo = to.plus(around).plusMillis(1);
    if (readTo.isAfter(now.plus(Duration.ofHours(1)))) {
      readTo = now.plus(Duration.ofHours(1));
    }
    List<Observation> readings = observations.readingsUnchecked(subject, t, start.minus(around), readTo).stream()
        .map(DeduplicatedReading::kept).toList();
    RiskEngine.ContextResolver contexts = contexts(subject);
    Map<String, List<RiskFinding>> byCondition = new LinkedHashMap<>();
    for (Observation o : readings) {
      if (o.effectiveAt().isBefore(start) || o.effectiveAt().isAfter(to)) {
        continue;
      }
      for (RiskFinding f : engine.evaluate(o, readings, contexts)) {
        byCondition.computeIfAbsent(f.condition(), k -> new ArrayList<>()).add(f);
      }
    }
    List<AlertId> changed = new ArrayList<>();
    for (Map.Entry<String, List<RiskFinding>> e : byCondition.entrySet()) {
      apply(subject, e.getKey(), e.getValue()).ifPresent(a -> changed.add(a.id()));
    }
    return changed.stream().map(this::alert).toList();
  }

  /** The member's context per reading: local date in her zone, age, pregnancy and setting. */
  private RiskEngine.ContextResolver contexts(PersonId subject) {
    MemberProfile profile = families.profile(subject);
    ZoneId zone = profile.zone();
    List<Pregnancy> pregnancies = calendar.pregnanciesUnchecked(subject);
    return o -> {
      LocalDate day = o.effectiveAt().atZone(zone).toLocalDate();
      Pregnancy pregnancy = null;
      GestationalAge ga = null;
      for (Pregnancy p : pregnancies) {
        Optional<GestationalAge> age = p.gestationalAgeOn(day);
        if (age.isPresent()) {
          pregnancy = p;
          ga = age.get();
          break;
        }
      }
      if (o.context().gestationalAge() != null) {
        ga = o.context().gestationalAge(); // the reading's own dating (e.g. by ultrasound) wins
      }
      MeasurementSetting setting = clinicalSources.contains(o.source().id()) ? MeasurementSetting.CLINIC
          : MeasurementSetting.HOME;
      return new RiskContext(day, profile.birthDate(), ga, pregnancy, setting);
    };
  }

  /** Applies one condition's findings to the member's alert for it, retrying on a concurrent change. */
  private Optional<Alert> apply(PersonId subject, String condition, List<RiskFinding> findings) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.inTransaction(() -> applyOnce(subject, condition, findings));
      } catch (ConflictException | IdempotencyConflictException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private Optional<Alert> applyOnce(PersonId subject, String condition, List<RiskFinding> all) {
    Instant now = clock.instant();
    Optional<Alert> latest = store.latest(subject, condition);
    List<RiskFinding> findings = all;
    if (latest.isPresent() && !latest.get().isUnresolved()) {
      Instant resolvedAt = latest.get().review().resolvedAt();
      findings = all.stream().filter(f -> f.trigger().effectiveAt().isAfter(resolvedAt)).toList();
    }
    if (findings.isEmpty()) {
      return Optional.empty();
    }
    RiskFinding best = findings.get(0);
    List<AlertEvidence> evidence = new ArrayList<>();
    for (RiskFinding f : findings) {
      if (f.severity().compareTo(best.severity()) > 0
          || (f.severity() == best.severity() && best.awaitingConfirmation() && !f.awaitingConfirmation())) {
        best = f;
      }
      f.evidence().forEach(o -> evidence.add(AlertEvidence.of(o, f.ruleKey())));
    }
    Alert next;
    if (latest.isPresent() && latest.get().isUnresolved()) {
      Alert cur = latest.get();
      next = merged(cur, best, evidence, now);
      if (next == null) {
        return Optional.empty();
      }
      String digest = RequestDigest.of("alert.update", cur.id(), cur.version(), next.severity(), next.ruleKey(),
          ids(next.evidence()));
      next = store.update(DerivedKeys.derive(IdempotencyKey.of("alert"), cur.id() + ".v" + cur.version()), digest,
          next, cur.version());
    } else {
      next = raised(subject, condition, best, evidence, now);
      String digest = RequestDigest.of("alert.create", subject, condition, next.severity(), ids(next.evidence()));
      next = store.create(IdempotencyKey.of("alert.c." + digest.substring(0, 48)), digest, next);
    }
    publish(next, now);
    if (next.triage().pendingNotice() != null) {
      Alert written = next;
      tx.afterCommit(() -> deliverIfPending(written)); // a rolled-back alert never reaches a person
    }
    return Optional.of(next);
  }

  private static String ids(List<AlertEvidence> evidence) {
    StringBuilder sb = new StringBuilder();
    evidence.forEach(e -> sb.append(e.observation().value()).append(','));
    return sb.toString();
  }

  private Alert raised(PersonId subject, String condition, RiskFinding best, List<AlertEvidence> evidence,
      Instant now) {
    AlertId id = AlertId.of(ids.newId());
    List<AlertEvidence> kept = Alert.mergeEvidence(List.of(), evidence);
    Alert draft = new Alert(id, subject, condition, best.observationType(), best.dataCategory(), best.severity(),
        best.ruleKey(), best.rulesVersion(), best.awaitingConfirmation(), AlertStatus.OPEN, now, now, kept,
        AlertReview.NONE, AlertTriage.NONE, 0);
    if (!policy.isTriaged(best.severity())) {
      return draft;
    }
    return withTriage(draft, new AlertTriage(0, 1, 0, notice(draft, 1, NoticeReason.RAISED, 0, now), now));
  }

  /** The alert with new evidence and, if the finding is graver, its new severity; null when nothing changes. */
  private Alert merged(Alert cur, RiskFinding best, List<AlertEvidence> evidence, Instant now) {
    List<AlertEvidence> kept = Alert.mergeEvidence(cur.evidence(), evidence);
    int c = best.severity().compareTo(cur.severity());
    boolean upgrade = c > 0 || (c == 0 && cur.awaitingConfirmation() && !best.awaitingConfirmation());
    if (!upgrade && kept.equals(cur.evidence())) {
      return null;
    }
    AlertSeverity severity = upgrade ? best.severity() : cur.severity();
    boolean triaged = upgrade && policy.isTriaged(severity);
    AlertStatus status = triaged ? AlertStatus.OPEN : cur.status();
    Alert next = new Alert(cur.id(), cur.subject(), cur.condition(), cur.observationType(),
        upgrade ? best.dataCategory() : cur.dataCategory(), severity, upgrade ? best.ruleKey() : cur.ruleKey(),
        upgrade ? best.rulesVersion() : cur.rulesVersion(), upgrade ? best.awaitingConfirmation()
            : cur.awaitingConfirmation(), status, cur.raisedAt(), now, kept, cur.review(), cur.triage(),
        cur.version());
    if (!triaged) {
      return next;
    }
    AlertTriage t = cur.triage();
    int seq = t.noticesIssued() + 1;
    return withTriage(next, new AlertTriage(t.escalationLevel(), seq, t.noticesDelivered(),
        notice(next, seq, NoticeReason.UPGRADED, t.escalationLevel(), now), now));
  }

  private static Alert withTriage(Alert a, AlertTriage triage) {
    return new Alert(a.id(), a.subject(), a.condition(), a.observationType(), a.dataCategory(), a.severity(),
        a.ruleKey(), a.rulesVersion(), a.awaitingConfirmation(), a.status(), a.raisedAt(), a.updatedAt(),
        a.evidence(), a.review(), triage, a.version());
  }

  private static Alert with(Alert a, AlertStatus status, Instant updatedAt, AlertReview review, AlertTriage triage) {
    return new Alert(a.id(), a.subject(), a.condition(), a.observationType(), a.dataCategory(), a.severity(),
        a.ruleKey(), a.rulesVersion(), a.awaitingConfirmation(), status, a.raisedAt(), updatedAt, a.evidence(), review,
        triage, a.version());
  }

  private static TriageNotice notice(Alert a, int seq, NoticeReason reason, int level, Instant now) {
    return new TriageNotice(a.id(), seq, a.subject(), a.condition(), a.observationType(), a.dataCategory(),
        a.severity(), reason, level, a.ruleKey(), a.rulesVersion(), a.raisedAt(), now, a.evidence());
  }

  private static IdempotencyKey deliveryKey(TriageNotice n) {
    return DerivedKeys.derive(IdempotencyKey.of("notice"), n.alert().value() + "." + n.sequence());
  }

  /** Delivers the alert's pending notice, if any, and records the outcome; returns the alert as stored after. */
  private Alert deliverIfPending(Alert alert) {
    TriageNotice n = alert.triage().pendingNotice();
    if (n == null) {
      return alert;
    }
    DeliveryStatus status;
    try {
      status = sink.deliver(deliveryKey(n), n);
    } catch (RuntimeException e) {
      LOG.warn("alert sink failed on notice {}#{}: {}", n.alert(), n.sequence(), e.getClass().getName());
      status = DeliveryStatus.UNKNOWN;
    }
    DeliveryStatus outcome = status == null ? DeliveryStatus.UNKNOWN : status;
    return update(alert.id(), "notice." + n.sequence() + "." + outcome, cur -> {
      Instant now = clock.instant();
      AlertTriage t = cur.triage();
      if (outcome != DeliveryStatus.DELIVERED) {
        if (t.pendingNotice() == null || t.pendingNotice().sequence() != n.sequence()) {
          return null; // superseded or resolved meanwhile
        }
        return with(cur, cur.status(), cur.updatedAt(), cur.review(), new AlertTriage(t.escalationLevel(),
            t.noticesIssued(), t.noticesDelivered(), t.pendingNotice(), now.plus(policy.retryDelay())));
      }
      int delivered = Math.max(t.noticesDelivered(), n.sequence());
      boolean stillPending = t.pendingNotice() != null && t.pendingNotice().sequence() > n.sequence();
      TriageNotice pending = stillPending ? t.pendingNotice() : null;
      Instant next = stillPending ? t.nextActionAt() : escalationDeadline(cur, now);
      return with(cur, cur.status(), cur.updatedAt(), cur.review(), new AlertTriage(t.escalationLevel(),
          t.noticesIssued(), delivered, pending, next));
    }).orElse(alert);
  }

  /** When an unacknowledged triaged alert escalates next, or null when it never will. */
  private Instant escalationDeadline(Alert a, Instant from) {
    if (a.status() != AlertStatus.OPEN || !policy.isTriaged(a.severity())
        || a.triage().escalationLevel() >= policy.maxLevel()) {
      return null;
    }
    return from.plus(policy.acknowledgeWithin(a.severity()));
  }

  /**
   * Delivers notices that are due for a retry and escalates triaged alerts nobody acknowledged in time (a new
   * notice, one escalation level up, until the policy's maximum). Call it on a schedule, e.g. every minute.
   */
  public TriageRun runDueActions() {
    Instant now = clock.instant();
    int delivered = 0;
    int escalated = 0;
    int failed = 0;
    int cleared = 0;
    PageRequest request = PageRequest.first(PAGE);
    while (true) {
      Page<Alert> page = store.dueForAction(now, request);
      for (Alert a : page.items()) {
        Alert due = a;
        if (due.triage().pendingNotice() == null) {
          if (escalationDeadline(due, now) != null) {
            Optional<Alert> up = escalate(due);
            if (up.isEmpty()) {
              continue;
            }
            due = up.get();
            escalated++;
          } else {
            update(due.id(), "clear", cur -> cur.triage().pendingNotice() != null ? null : with(cur, cur.status(),
                cur.updatedAt(), cur.review(), new AlertTriage(cur.triage().escalationLevel(),
                    cur.triage().noticesIssued(), cur.triage().noticesDelivered(), null, null)));
            cleared++;
            continue;
          }
        }
        Alert after = deliverIfPending(due);
        if (after.triage().pendingNotice() == null) {
          delivered++;
        } else {
          failed++;
        }
      }
      if (!page.hasNext()) {
        break;
      }
      request = request.next(page);
    }
    return new TriageRun(delivered, escalated, failed, cleared);
  }

  private Optional<Alert> escalate(Alert due) {
    return update(due.id(), "escalate." + due.triage().escalationLevel(), cur -> {
      AlertTriage t = cur.triage();
      if (cur.status() != AlertStatus.OPEN || t.pendingNotice() != null || t.nextActionAt() == null
          || t.nextActionAt().isAfter(clock.instant()) || t.escalationLevel() >= policy.maxLevel()) {
        return null;
      }
      Instant now = clock.instant();
      int level = t.escalationLevel() + 1;
      int seq = t.noticesIssued() + 1;
      Alert touched = with(cur, cur.status(), now, cur.review(), t);
      return with(touched, cur.status(), now, cur.review(), new AlertTriage(level, seq, t.noticesDelivered(),
          notice(touched, seq, NoticeReason.ESCALATED, level, now), now));
    });
  }

  /**
   * Reads the alert, applies {@code change} (null: nothing to do) and stores it at the next version, retrying on a
   * concurrent change; returns the stored alert, or empty when nothing was done.
   */
  private Optional<Alert> update(AlertId id, String what, java.util.function.UnaryOperator<Alert> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.inTransaction(() -> {
          Alert cur = store.find(id).orElseThrow(() -> new NotFoundException("alert.not_found", "alert",
              "no such alert"));
          Alert next = change.apply(cur);
          if (next == null) {
            return Optional.<Alert>empty();
          }
          String digest = RequestDigest.of("alert." + what, cur.id(), cur.version());
          Alert stored = store.update(DerivedKeys.derive(IdempotencyKey.of("alert"), cur.id() + ".v" + cur.version()),
              digest, next, cur.version());
          publish(stored, clock.instant());
          return Optional.of(stored);
        });
      } catch (ConflictException | IdempotencyConflictException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private void publish(Alert a, Instant now) {
    AlertChanged event = new AlertChanged(a.id(), a.subject(), a.condition(), a.severity(), a.status(),
        a.triage().escalationLevel(), a.version(), now);
    tx.afterCommit(() -> events.publish(event));
  }

  /** A reviewer takes the alert: it stops escalating (a notice still undelivered is still delivered). */
  public Alert acknowledge(AcknowledgeAlert cmd) {
    validate(cmd);
    String digest = RequestDigest.of("acknowledge", cmd.alert(), cmd.reviewer());
    return replayOr(cmd.key(), digest, () -> tx.inTransaction(() -> {
      Alert cur = alert(cmd.alert());
      if (cur.status() == AlertStatus.RESOLVED) {
        throw new InvalidStateException("alert.resolved", "alert", "the alert is already resolved");
      }
      if (cur.status() == AlertStatus.ACKNOWLEDGED) {
        throw new InvalidStateException("alert.already_acknowledged", "alert", "the alert is already acknowledged");
      }
      Instant now = clock.instant();
      AlertTriage t = cur.triage();
      Alert next = with(cur, AlertStatus.ACKNOWLEDGED, now, cur.review().withAcknowledgement(cmd.reviewer(), now),
          new AlertTriage(t.escalationLevel(), t.noticesIssued(), t.noticesDelivered(), t.pendingNotice(),
              t.pendingNotice() == null ? null : t.nextActionAt()));
      Alert stored = store.update(cmd.key(), digest, next, cur.version());
      publish(stored, now);
      return stored;
    }));
  }

  /** A reviewer closes the alert; a newer reading of the condition will raise a new one. */
  public Alert resolve(ResolveAlert cmd) {
    validate(cmd);
    String digest = RequestDigest.of("resolve", cmd.alert(), cmd.reviewer(), cmd.resolution(),
        cmd.note() == null ? "" : RequestDigest.of(cmd.note()));
    return replayOr(cmd.key(), digest, () -> tx.inTransaction(() -> {
      Alert cur = alert(cmd.alert());
      if (cur.status() == AlertStatus.RESOLVED) {
        throw new InvalidStateException("alert.resolved", "alert", "the alert is already resolved");
      }
      Instant now = clock.instant();
      AlertTriage t = cur.triage();
      Alert next = with(cur, AlertStatus.RESOLVED, now,
          cur.review().withResolution(cmd.reviewer(), now, cmd.resolution(), cmd.note()),
          new AlertTriage(t.escalationLevel(), t.noticesIssued(), t.noticesDelivered(), null, null));
      Alert stored = store.update(cmd.key(), digest, next, cur.version());
      publish(stored, now);
      return stored;
    }));
  }

  private Alert replayOr(IdempotencyKey key, String digest, Supplier<Alert> work) {
    Optional<StoredWrite> prior = store.findWrite(key);
    if (prior.isPresent()) {
      if (!prior.get().requestDigest().equals(digest)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "key",
            "this idempotency key was first used with a different command");
      }
      return alert(AlertId.of(prior.get().resultId()));
    }
    return work.get();
  }

  /**
   * An alert with its evidence, for the host's reviewers (the host authorises its staff; members and relatives use
   * {@link #alertsOf}).
   */
  public Alert alert(AlertId id) {
    return store.find(Check.notNull(id, "alert")).orElseThrow(() -> new NotFoundException("alert.not_found", "alert",
        "no such alert"));
  }

  /** The human-review worklist: unresolved triaged alerts, most severe first, then oldest. */
  public Page<Alert> awaitingReview(PageRequest page) {
    return store.awaitingReview(policy.triageFrom(), Check.notNull(page, "page"));
  }

  /** The member's unresolved alerts that {@code viewer} may see now (a consent decision for their categories). */
  public List<Alert> alertsOf(PersonId viewer, PersonId subject) {
    List<Alert> all = store.unresolved(Check.notNull(subject, "subject"));
    if (all.isEmpty()) {
      viewing.decide(viewer, subject, Set.of("health.vital_signs")); // decided and audited like any other read
      return List.of();
    }
    Set<String> categories = new HashSet<>();
    all.forEach(a -> categories.add(a.dataCategory()));
    ViewingDecision d = viewing.decide(viewer, subject, categories);
    return all.stream().filter(a -> d.permits(a.dataCategory())).toList();
  }

  @Override
  public List<OpenAlert> openAlerts(PersonId subject, Set<String> categories, int limit) {
    return store.unresolved(subject).stream().filter(a -> categories.contains(a.dataCategory()))
        .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::raisedAt,
            Comparator.reverseOrder()))
        .limit(limit).map(Alert::toOpenAlert).toList();
  }

  private void validate(Object cmd) {
    Check.notNull(cmd, "command");
    validator.validate(cmd);
  }
}
