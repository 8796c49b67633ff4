package io.kinhealth.family;

import io.kinhealth.core.memory.InMemoryEventBus;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.memory.UuidV7IdGenerator;
import io.kinhealth.core.spi.EventBus;
import io.kinhealth.core.spi.IdGenerator;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import io.kinhealth.core.validation.CommandValidator;
import io.kinhealth.family.dedup.DedupPolicy;
import io.kinhealth.family.graph.GuardianshipRules;
import io.kinhealth.compliance.ConsentService;
import io.kinhealth.family.consent.ComplianceFamilySharing;
import io.kinhealth.family.calendar.CyclePredictor;
import io.kinhealth.family.memory.InMemoryAlertStore;
import io.kinhealth.family.memory.InMemoryCalendarStore;
import io.kinhealth.family.memory.InMemoryDocumentStore;
import io.kinhealth.family.memory.InMemoryFamilyStore;
import io.kinhealth.family.memory.InMemoryObservationStore;
import io.kinhealth.family.memory.InMemoryTriageQueue;
import io.kinhealth.family.observation.ObservationNormaliser;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.risk.RiskEngine;
import io.kinhealth.family.risk.RiskRuleTable;
import io.kinhealth.family.risk.WeightGainStandard;
import io.kinhealth.family.spi.AlertFeed;
import io.kinhealth.family.spi.AlertSink;
import io.kinhealth.family.spi.AlertStore;
import io.kinhealth.family.spi.CalendarStore;
import io.kinhealth.family.spi.DocumentStore;
import io.kinhealth.family.spi.FamilyStore;
import io.kinhealth.family.spi.ObservationStore;
import io.kinhealth.family.triage.EscalationPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The family-records module, wired once: the family graph ({@link #families()}), the door to other members' data
 * ({@link #viewing()}), readings and statistics ({@link #observations()}), the family dashboard
 * ({@link #dashboard()}), risk rules and the human-review queue ({@link #triage()}), the cycle and pregnancy
 * calendar ({@link #calendar()}), health documents ({@link #documents()}) and FHIR R4 exchange ({@link #fhir()}).
 *
 * <pre>{@code
 * FamilyRecords records = FamilyRecords.builder().clock(clock).sharingGate(gate).build();
 * }</pre>
 *
 * With nothing configured it runs on the in-memory defaults: stores, transactions, events, UUIDv7 ids, the default
 * observation types, ±2 minute duplicate window, family sharing decided (and audited) by an in-memory
 * kinhealth-compliance {@link ConsentService}, the default risk rules and weight-gain table (see their notes on
 * clinical review), the default escalation policy, and an in-memory review queue ({@link InMemoryTriageQueue}). Immutable and
 * thread-safe; build one per application.
 */
public final class FamilyRecords {
  /**
   * The statistics cache's default size: buckets, each counted once per 64 readings it keeps (a day of a CGM counts
   * 5), plus the dashboard's per-type summaries.
   */
  public static final long DEFAULT_CACHE_SIZE = 200_000;

  private final FamilyService families;
  private final FamilyViewing viewing;
  private final ObservationService observations;
  private final FamilyDashboard dashboard;
  private final FamilySharingGate gate;
  private final ConsentService consents;
  private final CalendarService calendar;
  private final TriageService triage;
  private final DocumentService documents;
  private final FhirService fhir;

  private FamilyRecords(Builder b) {
    CommandValidator validator = CommandValidator.ofDefaults();
    if (b.gate != null) {
      this.consents = b.consents;
      this.gate = b.gate;
    } else {
      this.consents = b.consents != null ? b.consents : ConsentService.builder().clock(b.clock).eventBus(b.events)
          .transactionRunner(b.tx).idGenerator(b.ids).build();
      this.gate = new ComplianceFamilySharing(consents, b.ids);
    }
    this.families = new FamilyService(b.familyStore, b.tx, b.ids, b.clock, b.rules, validator);
    this.viewing = new FamilyViewing(families, gate, b.clock);
    this.observations = new ObservationService(b.observationStore, b.types,
        new ObservationNormaliser(b.types, b.clock, b.ids), families, viewing, b.tx, b.events, b.clock, b.dedup,
        b.cacheSize, validator);
    this.calendar = new CalendarService(b.calendarStore, families, viewing, observations, b.tx, b.ids, b.clock,
        b.cyclePredictor, b.weightGain, validator);
    this.triage = new TriageService(b.alertStore, b.alertSink, RiskEngine.of(b.riskRules, b.types, b.weightGain),
        b.escalation, observations, calendar, families, viewing, b.tx, b.ids, b.clock, b.clinicalSources,
        b.horizon, validator, b.events);
    this.documents = new DocumentService(b.documentStore, families, viewing, b.tx, b.ids, b.clock,
        b.documentMaxBytes, b.documentMediaTypes, validator);
    this.fhir = new FhirService(families, viewing, observations, documents, b.clock);
    this.dashboard = new FamilyDashboard(families, viewing, observations, b.alerts != null ? b.alerts : triage,
        b.clock, b.cacheSize);
  }

  public static Builder builder() {
    return new Builder();
  }

  public FamilyService families() {
    return families;
  }

  public FamilyViewing viewing() {
    return viewing;
  }

  public ObservationService observations() {
    return observations;
  }

  public FamilyDashboard dashboard() {
    return dashboard;
  }

  /** Risk rules, alerts and the human-review queue. */
  public TriageService triage() {
    return triage;
  }

  /** The cycle log and pregnancy calendar. */
  public CalendarService calendar() {
    return calendar;
  }

  /** Health documents (reading one is a consent decision). */
  public DocumentService documents() {
    return documents;
  }

  /** FHIR R4 export and import. */
  public FhirService fhir() {
    return fhir;
  }

  /** The consent gate in use: kinhealth-compliance's decisions unless another gate was given. */
  public FamilySharingGate sharingGate() {
    return gate;
  }

  /**
   * The consent service behind the gate (where members record and withdraw family-sharing consents), absent when a
   * custom gate was given without one.
   */
  public java.util.Optional<ConsentService> consents() {
    return java.util.Optional.ofNullable(consents);
  }

  /** Collects the module's collaborators; every one has an in-memory default. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private IdGenerator ids;
    private TransactionRunner tx = new InMemoryTransactionRunner();
    private EventBus events = new InMemoryEventBus();
    private FamilyStore familyStore = new InMemoryFamilyStore();
    private ObservationStore observationStore = new InMemoryObservationStore();
    private ObservationTypes types = ObservationTypes.defaults();
    private DedupPolicy dedup = DedupPolicy.defaults();
    private GuardianshipRules rules = GuardianshipRules.defaults();
    private FamilySharingGate gate;
    private ConsentService consents;
    private AlertFeed alerts;
    private long cacheSize = DEFAULT_CACHE_SIZE;
    private AlertStore alertStore = new InMemoryAlertStore();
    private AlertSink alertSink = new InMemoryTriageQueue();
    private RiskRuleTable riskRules = RiskRuleTable.defaults();
    private WeightGainStandard weightGain = WeightGainStandard.defaults();
    private EscalationPolicy escalation = EscalationPolicy.defaults();
    private Set<String> clinicalSources = Set.of();
    private Duration horizon = TriageService.DEFAULT_HORIZON;
    private CalendarStore calendarStore = new InMemoryCalendarStore();
    private CyclePredictor cyclePredictor = CyclePredictor.defaults();
    private DocumentStore documentStore = new InMemoryDocumentStore();
    private long documentMaxBytes = DocumentService.DEFAULT_MAX_BYTES;
    private Set<String> documentMediaTypes = DocumentService.DEFAULT_MEDIA_TYPES;

    private Builder() {}

    public Builder clock(Clock value) {
      this.clock = Check.notNull(value, "clock");
      return this;
    }

    public Builder idGenerator(IdGenerator value) {
      this.ids = Check.notNull(value, "idGenerator");
      return this;
    }

    public Builder transactionRunner(TransactionRunner value) {
      this.tx = Check.notNull(value, "transactionRunner");
      return this;
    }

    public Builder eventBus(EventBus value) {
      this.events = Check.notNull(value, "eventBus");
      return this;
    }

    public Builder familyStore(FamilyStore value) {
      this.familyStore = Check.notNull(value, "familyStore");
      return this;
    }

    public Builder observationStore(ObservationStore value) {
      this.observationStore = Check.notNull(value, "observationStore");
      return this;
    }

    public Builder observationTypes(ObservationTypes value) {
      this.types = Check.notNull(value, "observationTypes");
      return this;
    }

    public Builder dedupPolicy(DedupPolicy value) {
      this.dedup = Check.notNull(value, "dedupPolicy");
      return this;
    }

    public Builder guardianshipRules(GuardianshipRules value) {
      this.rules = Check.notNull(value, "guardianshipRules");
      return this;
    }

    /**
     * The consent service whose decisions govern family sharing (shared with the rest of the host's compliance
     * setup). Without one, an in-memory consent service is built on this builder's clock, events, transactions and
     * ids.
     */
    public Builder consentService(ConsentService value) {
      this.consents = Check.notNull(value, "consentService");
      return this;
    }

    /** Replaces the consent-backed gate altogether (tests, or a host with its own consent system). */
    public Builder sharingGate(FamilySharingGate value) {
      this.gate = Check.notNull(value, "sharingGate");
      return this;
    }

    /** Where the dashboard gets open alerts; by default, the module's own {@link TriageService}. */
    public Builder alertFeed(AlertFeed value) {
      this.alerts = Check.notNull(value, "alertFeed");
      return this;
    }

    public Builder alertStore(AlertStore value) {
      this.alertStore = Check.notNull(value, "alertStore");
      return this;
    }

    /** The human-review queue HIGH and CRITICAL alerts go to (default: an {@link InMemoryTriageQueue}). */
    public Builder alertSink(AlertSink value) {
      this.alertSink = Check.notNull(value, "alertSink");
      return this;
    }

    /** The risk rules (default: {@link RiskRuleTable#defaults()}, which a host's clinicians should review). */
    public Builder riskRules(RiskRuleTable value) {
      this.riskRules = Check.notNull(value, "riskRules");
      return this;
    }

    public Builder weightGainStandard(WeightGainStandard value) {
      this.weightGain = Check.notNull(value, "weightGainStandard");
      return this;
    }

    public Builder escalationPolicy(EscalationPolicy value) {
      this.escalation = Check.notNull(value, "escalationPolicy");
      return this;
    }

    /** Source ids whose readings were taken in a clinic (judged by clinic blood-pressure thresholds). */
    public Builder clinicalSources(Set<String> sourceIds) {
      this.clinicalSources = Set.copyOf(Check.noNulls(sourceIds, "clinicalSources"));
      return this;
    }

    /** Readings older than this when judged raise no new alert (default 7 days). */
    public Builder evaluationHorizon(Duration value) {
      Check.notNull(value, "evaluationHorizon");
      Check.that(!value.isNegative() && !value.isZero(), "evaluationHorizon", "horizon.not_positive",
          "the horizon is positive");
      this.horizon = value;
      return this;
    }

    public Builder calendarStore(CalendarStore value) {
      this.calendarStore = Check.notNull(value, "calendarStore");
      return this;
    }

    public Builder cyclePredictor(CyclePredictor value) {
      this.cyclePredictor = Check.notNull(value, "cyclePredictor");
      return this;
    }

    public Builder documentStore(DocumentStore value) {
      this.documentStore = Check.notNull(value, "documentStore");
      return this;
    }

    /** Largest document accepted, in bytes (default 20 MiB). */
    public Builder documentMaxBytes(long value) {
      this.documentMaxBytes = Check.positive(value, "documentMaxBytes");
      return this;
    }

    public Builder documentMediaTypes(Set<String> value) {
      this.documentMediaTypes = Set.copyOf(Check.notEmpty(Check.noNulls(value, "documentMediaTypes"),
          "documentMediaTypes"));
      return this;
    }

    public Builder statisticsCacheSize(long value) {
      this.cacheSize = Check.positive(value, "statisticsCacheSize");
      return this;
    }

    public FamilyRecords build() {
      if (ids == null) {
        // ids are time-ordered keys, not secrets: java.util.Random keeps a million readings a second cheap
        ids = new UuidV7IdGenerator(clock, new java.util.Random());
      }
      return new FamilyRecords(this);
    }
  }
}
