package io.kinhealth.compliance;

import io.kinhealth.compliance.audit.AuditEntry;
import io.kinhealth.compliance.audit.AuditEntryTypes;
import io.kinhealth.compliance.audit.AuditLog;
import io.kinhealth.compliance.audit.AuditRecord;
import io.kinhealth.compliance.consent.ConsentGrant;
import io.kinhealth.compliance.consent.ConsentId;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentRecorded;
import io.kinhealth.compliance.consent.ConsentWithdrawn;
import io.kinhealth.compliance.consent.Withdrawal;
import io.kinhealth.compliance.internal.ConsentRules;
import io.kinhealth.compliance.internal.DecisionCache;
import io.kinhealth.compliance.internal.DecisionEngine;
import io.kinhealth.compliance.internal.Keys;
import io.kinhealth.compliance.memory.InMemoryAuditStore;
import io.kinhealth.compliance.memory.InMemoryConsentStore;
import io.kinhealth.compliance.memory.InMemoryNoticeStore;
import io.kinhealth.compliance.memory.InMemoryRetentionStore;
import io.kinhealth.compliance.retention.HeldRecord;
import io.kinhealth.compliance.retention.LegalHold;
import io.kinhealth.compliance.retention.LegalHoldChanged;
import io.kinhealth.compliance.retention.LegalHoldId;
import io.kinhealth.compliance.retention.PlaceLegalHold;
import io.kinhealth.compliance.retention.RecordErasure;
import io.kinhealth.compliance.retention.Tombstone;
import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.compliance.notice.NoticePublished;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.compliance.spi.AuditStore;
import io.kinhealth.compliance.spi.ConsentStore;
import io.kinhealth.compliance.spi.NoticeStore;
import io.kinhealth.compliance.spi.RetentionStore;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.compliance.taxonomy.Vocabulary;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryEventBus;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.memory.UuidV7IdGenerator;
import io.kinhealth.core.spi.EventBus;
import io.kinhealth.core.spi.EventSubscriptions;
import io.kinhealth.core.spi.IdGenerator;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consent ledger and decision point of PIPL: privacy notices, consents and withdrawals, fast default-deny
 * decisions, and the audit of all of them. The module's main entry point.
 *
 * <pre>{@code
 * ConsentService consents = ConsentService.builder().clock(clock).build();        // in-memory defaults
 * PrivacyNotice notice = consents.publishNotice(new PublishNotice(key, NoticeId.of("app"), content));
 * consents.recordConsent(RecordConsent.builder(key2, DataSubject.of(motherId, birthDate))
 *     .type(ConsentType.SEPARATE).purposes(FAMILY_SHARING).categories(HEALTH_VITAL_SIGNS)
 *     .recipients(Requester.person(fatherId)).notice(notice.reference()).channel(ConsentChannel.APP)
 *     .grantedAt(tappedAt).build());
 * ConsentDecision d = consents.decide(subject, Requester.person(fatherId), FAMILY_SHARING,
 *     Set.of(HEALTH_VITAL_SIGNS), StandardActions.USE);
 * }</pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Decisions are default deny, deny beats permit (a refusal wins over any grant), an error while deciding
 *       denies, and every decision gives reasons citing the article.
 *   <li>Decisions are cached per subject and dropped by the SDK's own {@link ComplianceEvent}s: a withdrawal or a
 *       new consent is honoured by the very next decision in this process, and by other nodes when the host
 *       forwards the events. Cached decisions also end at a consent's expiry and at a child's 14th birthday.
 *   <li>Every write (notice, consent, withdrawal) is validated fully before anything is written, then written
 *       together with its audit entry in one transaction: nothing is ever half-written. Writes are idempotent per
 *       caller key.
 *   <li>Thread-safe; holds no per-request state. Call {@link #close()} to detach it from the event bus.
 * </ul>
 */
public final class ConsentService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsentService.class);
  private static final int WRITE_ATTEMPTS = 3;

  private final Clock clock;
  private final Vocabulary vocabulary;
  private final ConsentPolicy policy;
  private final ConsentStore consentStore;
  private final NoticeStore noticeStore;
  private final RetentionStore retentionStore;
  private final EventBus eventBus;
  private final TransactionRunner transactions;
  private final IdGenerator ids;
  private final AuditLog auditLog;
  private final DecisionEngine engine;
  private final DecisionCache cache;
  private final ConsentRules rules;
  private final EventSubscriptions.Subscription subscription;

  private ConsentService(Builder b) {
    this.clock = b.clock;
    this.vocabulary = b.vocabulary;
    this.policy = b.policy;
    this.consentStore = b.consentStore;
    this.noticeStore = b.noticeStore;
    this.retentionStore = b.retentionStore;
    this.eventBus = b.eventBus;
    this.transactions = b.transactionRunner;
    this.ids = b.idGenerator != null ? b.idGenerator : new UuidV7IdGenerator(clock, new SecureRandom());
    this.auditLog = AuditLog.of(b.auditStore, transactions, clock);
    this.engine = new DecisionEngine(vocabulary, policy, consentStore, noticeStore, retentionStore);
    this.cache = new DecisionCache(b.cacheMaximumSubjects, b.cacheMaximumPerSubject);
    this.rules = new ConsentRules(vocabulary, policy, noticeStore);
    this.subscription = eventBus.subscribe(ComplianceEvent.class, this::onEvent);
  }

  /** A builder; with nothing set, the service runs on in-memory stores, an in-memory bus and the UTC clock. */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- notices

  /**
   * Publishes the next version of a notice (version 1 if new). A change of purposes, categories, methods or
   * recipients makes earlier consents stale (PIPL art. 14); an editorial change does not. Audited.
   */
  public PrivacyNotice publishNotice(PublishNotice command) {
    Check.notNull(command, "command");
    rules.checkNoticeContent(command.content());
    PrivacyNotice published = retrying(() -> transactions.inTransaction(() -> {
      Optional<PrivacyNotice> latest = noticeStore.latest(command.noticeId());
      Instant now = clock.instant();
      PrivacyNotice next = latest.isEmpty() ? PrivacyNotice.first(command.noticeId(), command.content(), now)
          : PrivacyNotice.next(latest.get(), command.content(), now);
      PrivacyNotice stored = noticeStore.insert(next, command.idempotencyKey());
      if (stored.equals(next)) {
        boolean material = stored.consentBaseline() == stored.version();
        auditLog.append(AuditRecord.of(AuditEntryTypes.NOTICE_PUBLISHED, null)
            .withAttribute("noticeId", stored.id().value())
            .withAttribute("version", Integer.toString(stored.version()))
            .withAttribute("sha256", stored.sha256())
            .withAttribute("materialChange", Boolean.toString(material))
            .withAttribute("consentBaseline", Integer.toString(stored.consentBaseline()))
            .withPolicyVersion(engine.policyVersion()), Keys.derive(command.idempotencyKey(), "audit"));
        transactions.afterCommit(() -> eventBus.publish(
            new NoticePublished(stored.id(), stored.version(), material, now)));
      }
      return stored;
    }));
    cache.invalidateAll();
    return published;
  }

  /** The newest version of a notice. */
  public Optional<PrivacyNotice> currentNotice(NoticeId id) {
    return noticeStore.latest(Check.notNull(id, "noticeId"));
  }

  public Optional<PrivacyNotice> notice(NoticeId id, int version) {
    return noticeStore.find(Check.notNull(id, "noticeId"), version);
  }

  // ---------------------------------------------------------------- consents

  /**
   * Records a consent or refusal after checking it completely: known purposes, categories and actions; the notice
   * version exists, is current and its hash matches; the notice names what is consented to; sensitive data and
   * sharing are not bundled into a general consent (art. 29); a separate consent covers one purpose; a child under
   * 14 is consented for by a guardian, and a guardian consents only for a child under 14 (art. 31). Audited;
   * publishes {@link ConsentRecorded}. Replaying the idempotency key with the same command returns the first record.
   *
   * @throws io.kinhealth.core.error.ValidationException with a reason such as {@code consent.bundled_sensitive},
   *     {@code consent.guardian_required}, {@code consent.guardian_for_adult}, {@code consent.notice_not_found},
   *     {@code consent.notice_outdated}
   */
  public ConsentRecord recordConsent(RecordConsent command) {
    Check.notNull(command, "command");
    Instant now = clock.instant();
    ConsentGrant grant = rules.checkConsent(command, now);
    ConsentRecord record = ConsentRecord.recorded(ConsentId.of(ids.newId()), grant, now);
    ConsentRecord stored = retrying(() -> transactions.inTransaction(() -> {
      ConsentRecord s = consentStore.insert(record, command.idempotencyKey());
      if (s.id().equals(record.id())) {
        auditLog.append(consentAudit(s), Keys.derive(command.idempotencyKey(), "audit"));
        transactions.afterCommit(() -> eventBus.publish(new ConsentRecorded(s.id(), s.subjectId(), now)));
      }
      return s;
    }));
    cache.invalidate(stored.subjectId());
    return stored;
  }

  /**
   * Withdraws a consent in one call (PIPL art. 15). The subject, or the person who granted it (a guardian), may
   * withdraw; withdrawing a withdrawn consent returns it unchanged. The next decision in this process already
   * honours it; {@link ConsentWithdrawn} tells other nodes. Audited.
   *
   * @throws NotFoundException if there is no such consent
   * @throws ForbiddenException if {@code requestedBy} is neither the subject nor the grantor
   */
  public ConsentRecord withdrawConsent(WithdrawConsent command) {
    Check.notNull(command, "command");
    ConsentRecord result = retrying(() -> {
      ConsentRecord current = consentStore.find(command.consentId()).orElseThrow(
          () -> new NotFoundException("consent.not_found", "consentId", "no consent with this id"));
      PersonId by = command.requestedBy();
      if (!by.equals(current.subjectId()) && !by.equals(current.grant().grantor().personId())) {
        throw new ForbiddenException("consent.withdraw_not_allowed", "requestedBy",
            "only the subject or the grantor may withdraw this consent");
      }
      if (!current.isActive()) {
        return current;
      }
      Instant now = clock.instant();
      Withdrawal w = new Withdrawal(now, by, command.channel(), command.reason());
      return transactions.inTransaction(() -> {
        ConsentRecord updated = consentStore.withdraw(current.id(), current.version(), w, command.idempotencyKey());
        if (updated.withdrawal() != null && updated.withdrawal().equals(w)) {
          AuditRecord audit = AuditRecord.of(AuditEntryTypes.CONSENT_WITHDRAWN, updated.subjectId())
              .withActor("person:" + by.value())
              .withAttribute("consentId", updated.id().value())
              .withAttribute("channel", w.channel().name())
              .withPolicyVersion(engine.policyVersion());
          if (w.reason() != null) {
            audit = audit.withAttribute("reason", w.reason());
          }
          auditLog.append(audit, Keys.derive(command.idempotencyKey(), "audit"));
          transactions.afterCommit(() -> eventBus.publish(
              new ConsentWithdrawn(updated.id(), updated.subjectId(), now)));
        }
        return updated;
      });
    });
    cache.invalidate(result.subjectId());
    return result;
  }

  public Optional<ConsentRecord> findConsent(ConsentId id) {
    return consentStore.find(Check.notNull(id, "consentId"));
  }

  /** All of a subject's consent records, active and withdrawn, oldest first. */
  public Page<ConsentRecord> consentsOf(PersonId subjectId, PageRequest page) {
    return consentStore.findBySubject(Check.notNull(subjectId, "subjectId"), null, Check.notNull(page, "page"));
  }

  // ---------------------------------------------------------------- decisions

  /**
   * May {@code requester} perform {@code action} on {@code categories} of {@code subject}'s data for
   * {@code purpose}? Never throws for a question it cannot answer: unknown codes, missing consents and store
   * failures are a DENY with reasons. Not audited; see {@link #decideAndAudit}.
   *
   * @throws io.kinhealth.core.error.ValidationException only for missing arguments
   */
  public ConsentDecision decide(DataSubject subject, Requester requester, Purpose purpose,
      Set<DataCategory> categories, ProcessingAction action) {
    return decide(DecisionRequest.of(subject, requester, purpose, categories, action));
  }

  /** Like {@link #decide(DataSubject, Requester, Purpose, Set, ProcessingAction)} for a prepared request. */
  public ConsentDecision decide(DecisionRequest request) {
    Check.notNull(request, "request");
    ConsentDecision cached = cache.get(request, clock.millis());
    if (cached != null) {
      return cached;
    }
    // Take the holder before reading the stores: an invalidation racing with this read detaches the holder.
    DecisionCache.Holder holder = cache.holder(request.subject().id());
    try {
      DecisionEngine.Evaluation e = engine.evaluate(request, clock.instant());
      cache.put(holder, request, e.decision(), e.validUntilMillis());
      return e.decision();
    } catch (RuntimeException ex) {
      LOG.warn("consent decision failed and was denied: {}", ex.getClass().getName());
      return engine.deny(request, new DecisionReason(DecisionReasons.ERROR, "PIPL art. 13",
          "the decision could not be made (" + ex.getClass().getSimpleName() + "); denied by default"));
    }
  }

  /**
   * Decides and appends the decision to the audit log (outcome, reason codes, consents relied on, policy version and
   * a digest of the inputs; no personal data). If the audit cannot be written the answer is a DENY: a read that
   * must be audited is not allowed unaudited.
   *
   * @param key idempotency key of the audit entry (for example the host's request id)
   * @throws IdempotencyConflictException if {@code key} was used for a different audit record
   */
  public ConsentDecision decideAndAudit(DecisionRequest request, IdempotencyKey key) {
    Check.notNull(key, "idempotencyKey");
    ConsentDecision d = decide(request);
    try {
      auditDecision(d, key);
      return d;
    } catch (IdempotencyConflictException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("audit of a consent decision failed; denying: {}", e.getClass().getName());
      return engine.deny(request, new DecisionReason(DecisionReasons.AUDIT_FAILED, "PIPL art. 55",
          "the decision could not be audited (" + e.getClass().getSimpleName() + "); denied"));
    }
  }

  /** Appends an already made decision to the audit log. */
  public AuditEntry auditDecision(ConsentDecision decision, IdempotencyKey key) {
    Check.notNull(decision, "decision");
    DecisionRequest r = decision.request();
    TreeSet<String> reasons = new TreeSet<>();
    decision.reasons().forEach(x -> reasons.add(x.code()));
    TreeSet<String> consents = new TreeSet<>();
    decision.basedOn().forEach(x -> consents.add(x.value()));
    TreeSet<String> categories = new TreeSet<>();
    r.categories().forEach(c -> categories.add(c.code()));
    AuditRecord audit = AuditRecord.of(AuditEntryTypes.DECISION, r.subject().id())
        .withActor(r.requester().token())
        .withAttribute("purpose", r.purpose().code())
        .withAttribute("categories", String.join(",", categories))
        .withAttribute("action", r.action().code())
        .withAttribute("outcome", decision.outcome().name())
        .withAttribute("reasons", String.join(",", reasons))
        .withAttribute("consents", String.join(",", consents))
        .withPolicyVersion(decision.policyVersion())
        .withInputDigest(r.digest());
    if (decision.lawfulBasis() != null) {
      audit = audit.withAttribute("lawfulBasis", decision.lawfulBasis().code());
    }
    return auditLog.append(audit, key);
  }

  // ---------------------------------------------------------------- legal holds and erasure

  /**
   * Places a legal hold: the subject's data (of the given categories, or all) stays stored but every decision about
   * it is a DENY (PIPL art. 47), and retention sweeps hold it back instead of listing it for erasure. Audited;
   * publishes {@link LegalHoldChanged}.
   */
  public LegalHold placeLegalHold(PlaceLegalHold command) {
    Check.notNull(command, "command");
    for (DataCategory c : command.categories()) {
      Check.that(vocabulary.contains(c), "categories", "category.unknown", "unknown data category " + c.code());
    }
    Instant now = clock.instant();
    LegalHold hold = new LegalHold(LegalHoldId.of(ids.newId()), 1, command.subjectId(), command.categories(),
        command.reason(), command.caseReference(), now, null);
    LegalHold stored = transactions.inTransaction(() -> {
      LegalHold s = retentionStore.placeHold(hold, command.idempotencyKey());
      if (s.id().equals(hold.id())) {
        auditLog.append(AuditRecord.of(AuditEntryTypes.LEGAL_HOLD_PLACED, s.subjectId())
            .withAttribute("legalHoldId", s.id().value()).withAttribute("reason", s.reason())
            .withAttribute("categories", sortedCodes(s.categories())).withPolicyVersion(engine.policyVersion()),
            Keys.derive(command.idempotencyKey(), "audit"));
        transactions.afterCommit(() -> eventBus.publish(new LegalHoldChanged(s.id(), s.subjectId(), true, now)));
      }
      return s;
    });
    cache.invalidate(stored.subjectId());
    return stored;
  }

  /** Lifts a legal hold; releasing a released hold returns it unchanged. Audited. */
  public LegalHold releaseLegalHold(LegalHoldId id, IdempotencyKey key) {
    Check.notNull(id, "legalHoldId");
    Check.notNull(key, "idempotencyKey");
    LegalHold released = retrying(() -> {
      LegalHold current = retentionStore.findHold(id).orElseThrow(
          () -> new NotFoundException("legal_hold.not_found", "legalHoldId", "no legal hold with this id"));
      if (!current.isActive()) {
        return current;
      }
      Instant now = clock.instant();
      return transactions.inTransaction(() -> {
        LegalHold r = retentionStore.releaseHold(id, current.version(), now, key);
        if (now.equals(r.releasedAt())) {
          auditLog.append(AuditRecord.of(AuditEntryTypes.LEGAL_HOLD_RELEASED, r.subjectId())
              .withAttribute("legalHoldId", r.id().value()).withPolicyVersion(engine.policyVersion()),
              Keys.derive(key, "audit"));
          transactions.afterCommit(() -> eventBus.publish(new LegalHoldChanged(r.id(), r.subjectId(), false, now)));
        }
        return r;
      });
    });
    cache.invalidate(released.subjectId());
    return released;
  }

  /** A subject's active legal holds. */
  public List<LegalHold> legalHoldsOf(PersonId subjectId) {
    return retentionStore.activeHolds(Check.notNull(subjectId, "subjectId"));
  }

  /**
   * Records that the host erased a record, leaving a {@link Tombstone} and an audit entry. Refused while a legal
   * hold covers the record's category.
   *
   * @throws io.kinhealth.core.error.InvalidStateException {@code erasure.legal_hold} under a hold
   */
  public Tombstone recordErasure(RecordErasure command) {
    Check.notNull(command, "command");
    HeldRecord r = command.record();
    for (LegalHold h : retentionStore.activeHolds(r.subjectId())) {
      if (h.covers(r.category())) {
        throw new InvalidStateException("erasure.legal_hold", "record",
            "PIPL art. 47: the record is under a legal hold and must stay stored");
      }
    }
    Instant now = clock.instant();
    Tombstone t = new Tombstone(r.recordRef(), r.subjectId(), r.category(), r.purpose(), command.reason(), now);
    return transactions.inTransaction(() -> {
      Tombstone s = retentionStore.insertTombstone(t, command.idempotencyKey());
      if (s.erasedAt().equals(now)) {
        auditLog.append(AuditRecord.of(AuditEntryTypes.ERASURE_RECORDED, s.subjectId())
            .withAttribute("recordRef", s.recordRef()).withAttribute("category", s.category().code())
            .withAttribute("purpose", s.purpose().code()).withAttribute("reason", s.reason().name())
            .withAttribute("citation", s.reason().citation()).withPolicyVersion(engine.policyVersion()),
            Keys.derive(command.idempotencyKey(), "audit"));
      }
      return s;
    });
  }

  public Optional<Tombstone> tombstone(String recordRef) {
    return retentionStore.findTombstone(Check.notBlank(recordRef, "recordRef"));
  }

  public Page<Tombstone> tombstonesOf(PersonId subjectId, PageRequest page) {
    return retentionStore.tombstonesOf(Check.notNull(subjectId, "subjectId"), Check.notNull(page, "page"));
  }

  // ---------------------------------------------------------------- plumbing

  /** The clock this service reads (other compliance services built on it share it). */
  public Clock clock() {
    return clock;
  }

  /** The audit log shared by this service; other modules append their own records to it. */
  public AuditLog auditLog() {
    return auditLog;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  public ConsentPolicy policy() {
    return policy;
  }

  /** The policy and vocabulary versions every decision carries. */
  public String policyVersion() {
    return engine.policyVersion();
  }

  /** Drops every cached decision (for example after a host restored a backup of its consent store). */
  public void invalidateCache() {
    cache.invalidateAll();
  }

  /** Stops listening to the event bus. The service still works, but no longer hears other nodes' events. */
  @Override
  public void close() {
    subscription.close();
  }

  private void onEvent(ComplianceEvent event) {
    Optional<PersonId> subject = event.subject();
    if (subject.isPresent()) {
      cache.invalidate(subject.get());
    } else {
      cache.invalidateAll();
    }
  }

  private AuditRecord consentAudit(ConsentRecord r) {
    ConsentGrant g = r.grant();
    AuditRecord a = AuditRecord.of(AuditEntryTypes.CONSENT_RECORDED, r.subjectId())
        .withActor("person:" + g.grantor().personId().value())
        .withAttribute("consentId", r.id().value())
        .withAttribute("choice", g.choice().name())
        .withAttribute("type", g.type().name())
        .withAttribute("purposes", sortedCodes(g.purposes()))
        .withAttribute("categories", sortedCodes(g.categories()))
        .withAttribute("actions", sortedCodes(g.actions()))
        .withAttribute("recipients", sortedCodes(g.recipients()))
        .withAttribute("notice", g.notice().id().value() + "@" + g.notice().version())
        .withAttribute("noticeSha256", g.notice().sha256())
        .withAttribute("channel", g.channel().name())
        .withAttribute("grantedAt", g.grantedAt().toString())
        .withPolicyVersion(engine.policyVersion());
    if (g.grantor().guardian()) {
      a = a.withAttribute("guardianRelationship", g.grantor().relationship().name())
          .withAttribute("guardianVerification", g.grantor().verification().name());
    }
    if (g.expiresAt() != null) {
      a = a.withAttribute("expiresAt", g.expiresAt().toString());
    }
    if (g.evidence() != null) {
      a = a.withAttribute("evidence", g.evidence().reference());
    }
    return a;
  }

  private static String sortedCodes(Set<?> values) {
    TreeSet<String> s = new TreeSet<>();
    values.forEach(v -> s.add(String.valueOf(v)));
    return String.join(",", s);
  }

  private static <T> T retrying(java.util.function.Supplier<T> write) {
    ConflictException last = null;
    for (int i = 0; i < WRITE_ATTEMPTS; i++) {
      try {
        return write.get();
      } catch (ConflictException e) {
        // Another writer moved the aggregate on; read again and retry.
        if (!e.reason().endsWith("version_conflict") && !e.reason().equals("notice.version_exists")
            && !e.reason().equals("audit.sequence_conflict")) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  /** Builds a {@link ConsentService}; every part has an in-memory default. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Vocabulary vocabulary = Vocabulary.standard();
    private ConsentPolicy policy = ConsentPolicy.ofDefaults();
    private ConsentStore consentStore;
    private NoticeStore noticeStore;
    private AuditStore auditStore;
    private RetentionStore retentionStore;
    private EventBus eventBus;
    private TransactionRunner transactionRunner;
    private IdGenerator idGenerator;
    private long cacheMaximumSubjects = 100_000;
    private int cacheMaximumPerSubject = 256;

    private Builder() {}

    public Builder clock(Clock value) {
      this.clock = Check.notNull(value, "clock");
      return this;
    }

    public Builder vocabulary(Vocabulary value) {
      this.vocabulary = Check.notNull(value, "vocabulary");
      return this;
    }

    public Builder policy(ConsentPolicy value) {
      this.policy = Check.notNull(value, "policy");
      return this;
    }

    public Builder consentStore(ConsentStore value) {
      this.consentStore = Check.notNull(value, "consentStore");
      return this;
    }

    public Builder noticeStore(NoticeStore value) {
      this.noticeStore = Check.notNull(value, "noticeStore");
      return this;
    }

    public Builder auditStore(AuditStore value) {
      this.auditStore = Check.notNull(value, "auditStore");
      return this;
    }

    /** Where legal holds and erasure tombstones live (in memory by default). */
    public Builder retentionStore(RetentionStore value) {
      this.retentionStore = Check.notNull(value, "retentionStore");
      return this;
    }

    public Builder eventBus(EventBus value) {
      this.eventBus = Check.notNull(value, "eventBus");
      return this;
    }

    public Builder transactionRunner(TransactionRunner value) {
      this.transactionRunner = Check.notNull(value, "transactionRunner");
      return this;
    }

    public Builder idGenerator(IdGenerator value) {
      this.idGenerator = Check.notNull(value, "idGenerator");
      return this;
    }

    /**
     * How many subjects keep cached decisions (default 100,000); 0 turns the cache off, so every decision reads
     * the stores.
     */
    public Builder cacheMaximumSubjects(long value) {
      this.cacheMaximumSubjects = Check.notNegative(value, "cacheMaximumSubjects");
      return this;
    }

    /** How many distinct questions per subject are cached (default 256). */
    public Builder cacheMaximumPerSubject(int value) {
      this.cacheMaximumPerSubject = (int) Check.inRange(value, 1, 100_000, "cacheMaximumPerSubject");
      return this;
    }

    public ConsentService build() {
      if (consentStore == null) {
        consentStore = new InMemoryConsentStore();
      }
      if (noticeStore == null) {
        noticeStore = new InMemoryNoticeStore();
      }
      if (auditStore == null) {
        auditStore = new InMemoryAuditStore();
      }
      if (retentionStore == null) {
        retentionStore = new InMemoryRetentionStore();
      }
      if (eventBus == null) {
        eventBus = new InMemoryEventBus();
      }
      if (transactionRunner == null) {
        transactionRunner = new InMemoryTransactionRunner();
      }
      for (LawfulBasisRule r : policy.lawfulBasisRules()) {
        Check.that(vocabulary.contains(r.purpose()), "policy.lawfulBasisRules", "purpose.unknown",
            "a lawful-basis rule names a purpose missing from the vocabulary");
      }
      return new ConsentService(this);
    }
  }
}
