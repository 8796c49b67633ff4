package io.kinhealth.compliance.retention;

import io.kinhealth.compliance.ConsentService;
import io.kinhealth.compliance.consent.ConsentChoice;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.internal.Pages;
import io.kinhealth.compliance.taxonomy.Vocabulary;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists what must be erased (PIPL art. 47: the processor deletes of its own accord when the retention period ends
 * or consent is withdrawn): records past their {@link RetentionSchedule} period, and consent-based records whose
 * consent is no longer in force. Records under a legal hold are held back, never listed as due. Stateless; reads
 * the consent ledger and retention store through the {@link ConsentService}.
 */
public final class RetentionSweep {
  private final ConsentService consents;
  private final RetentionSchedule schedule;

  private RetentionSweep(ConsentService consents, RetentionSchedule schedule) {
    this.consents = Check.notNull(consents, "consents");
    this.schedule = Check.notNull(schedule, "schedule");
  }

  public static RetentionSweep of(ConsentService consents, RetentionSchedule schedule) {
    return new RetentionSweep(consents, schedule);
  }

  /** Sweeps the host's records at the consent service's current time. */
  public SweepResult sweep(Iterable<HeldRecord> records) {
    Check.notNull(records, "records");
    Instant now = consents.clock().instant();
    Vocabulary vocabulary = consents.vocabulary();
    Map<PersonId, List<LegalHold>> holds = new HashMap<>();
    Map<PersonId, List<ConsentRecord>> grants = new HashMap<>();
    List<ErasureDue> due = new ArrayList<>();
    List<ErasureDue> heldBack = new ArrayList<>();
    List<HeldRecord> unscheduled = new ArrayList<>();
    List<HeldRecord> erased = new ArrayList<>();
    for (HeldRecord r : records) {
      if (consents.tombstone(r.recordRef()).isPresent()) {
        erased.add(r);
        continue;
      }
      Optional<ErasureDue> reason = dueReason(r, now, grants);
      Optional<RetentionRule> rule = schedule.ruleFor(r.purpose(), vocabulary.category(r.category().code())
          .orElse(r.category()));
      if (reason.isEmpty() && rule.isEmpty()) {
        unscheduled.add(r);
        continue;
      }
      if (reason.isEmpty()) {
        continue;
      }
      boolean held = holds.computeIfAbsent(r.subjectId(), consents::legalHoldsOf).stream()
          .anyMatch(h -> h.covers(r.category()));
      (held ? heldBack : due).add(reason.get());
    }
    due.sort((a, b) -> a.dueSince().compareTo(b.dueSince()));
    return new SweepResult(due, heldBack, unscheduled, erased);
  }

  private Optional<ErasureDue> dueReason(HeldRecord r, Instant now, Map<PersonId, List<ConsentRecord>> grants) {
    Optional<RetentionRule> rule = schedule.ruleFor(r.purpose(), r.category());
    if (rule.isPresent()) {
      Instant end = r.collectedAt().atZone(consents.policy().zone()).plus(rule.get().keepFor()).toInstant();
      if (!now.isBefore(end)) {
        return Optional.of(new ErasureDue(r, ErasureReason.RETENTION_EXPIRED, end));
      }
    }
    boolean consentBased = consents.policy().lawfulBasisRules().stream()
        .noneMatch(b -> b.purpose().equals(r.purpose()));
    if (!consentBased) {
      return Optional.empty();
    }
    List<ConsentRecord> all = grants.computeIfAbsent(r.subjectId(), this::allConsents);
    boolean inForce = false;
    Instant lastEnded = null;
    for (ConsentRecord c : all) {
      if (c.grant().choice() != ConsentChoice.GRANTED || !c.grant().purposes().contains(r.purpose())
          || c.grant().categories().stream().noneMatch(r.category()::isWithin)) {
        continue;
      }
      if (c.isInForceAt(now)) {
        inForce = true;
        break;
      }
      Instant ended = c.withdrawal() != null ? c.withdrawal().at() : c.grant().expiresAt();
      if (ended != null && (lastEnded == null || ended.isAfter(lastEnded))) {
        lastEnded = ended;
      }
    }
    if (!inForce && lastEnded != null) {
      return Optional.of(new ErasureDue(r, ErasureReason.CONSENT_WITHDRAWN, lastEnded));
    }
    return Optional.empty();
  }

  private List<ConsentRecord> allConsents(PersonId subject) {
    return Pages.all(500, page -> consents.consentsOf(subject, page));
  }
}
