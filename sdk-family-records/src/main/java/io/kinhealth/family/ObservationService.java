package io.kinhealth.family;

import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.KinHealthException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.EventBus;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import io.kinhealth.core.validation.CommandValidator;
import io.kinhealth.family.dedup.DedupPolicy;
import io.kinhealth.family.dedup.DeduplicatedReading;
import io.kinhealth.family.dedup.VitalSignDeduplicator;
import io.kinhealth.family.ingest.DexcomG6CsvImporter;
import io.kinhealth.family.ingest.ImportIssue;
import io.kinhealth.family.ingest.ImportReport;
import io.kinhealth.family.ingest.OmhReading;
import io.kinhealth.family.ingest.OmhSchemaId;
import io.kinhealth.family.ingest.OpenMHealthImporter;
import io.kinhealth.family.ingest.ParsedImport;
import io.kinhealth.family.internal.NaturalKey;
import io.kinhealth.family.observation.Aggregation;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationNormaliser;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.spi.ObservationStore;
import io.kinhealth.family.stats.BucketBoundaries;
import io.kinhealth.family.stats.BucketSize;
import io.kinhealth.family.stats.ObservationBucket;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Readings in and statistics out: recording and importing readings (normalised to canonical units, idempotent, in one
 * transaction per import), and reading them back through {@link FamilyViewing} (every read of another member's
 * data is a consent decision) as de-duplicated readings, the latest reading, or bucket statistics in the member's
 * zone.
 *
 * <p>Statistics are cached per bucket with the readings behind each bucket; a write made here merges its readings
 * into exactly the buckets its time touches (widened by the duplicate window), which are recomputed from memory on
 * the next read; a write reported by another node through the {@link ObservationsRecorded} event drops them. Range
 * reads stream from the store a page at a time. Thread-safe; built by {@link FamilyRecords}.
 */
public final class ObservationService {
  /** Longest period one count record (steps, fetal movements) may cover. */
  public static final Duration MAX_TOTAL_PERIOD = Duration.ofHours(24);
  /** Longest range one statistics call may cover. */
  public static final Duration MAX_RANGE = Duration.ofDays(400);
  static final int PAGE = 2_000;

  private final ObservationStore store;
  private final ObservationTypes types;
  private final ObservationNormaliser normaliser;
  private final FamilyService families;
  private final FamilyViewing viewing;
  private final TransactionRunner tx;
  private final EventBus events;
  private final Clock clock;
  private final DedupPolicy dedup;
  private final SeriesStatistics series;
  /** The event this service is publishing on this thread: its own writes already updated its cache. */
  private final ThreadLocal<ObservationsRecorded> publishing = new ThreadLocal<>();
  private final CommandValidator validator;
  private final DexcomG6CsvImporter dexcom = new DexcomG6CsvImporter();
  private final OpenMHealthImporter openMHealth;

  ObservationService(ObservationStore store, ObservationTypes types, ObservationNormaliser normaliser,
      FamilyService families, FamilyViewing viewing, TransactionRunner tx, EventBus events, Clock clock,
      DedupPolicy dedup, long cacheSize, CommandValidator validator) {
    this.store = store;
    this.types = types;
    this.normaliser = normaliser;
    this.families = families;
    this.viewing = viewing;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
    this.dedup = dedup;
    this.series = new SeriesStatistics(store, types, dedup, cacheSize);
    this.validator = validator;
    this.openMHealth = new OpenMHealthImporter(clock);
    events.subscribe(ObservationsRecorded.class, e -> {
      if (publishing.get() != e) { // another node's write (or one delivered later): drop what it touched
        types.find(e.observationType()).ifPresent(t -> series.invalidate(e.subject(), t, e.from(), e.to()));
      }
    });
  }

  public ObservationTypes types() {
    return types;
  }

  public DedupPolicy dedupPolicy() {
    return dedup;
  }

  /** Records one reading; the actor must be its subject or the subject's guardian. */
  public Observation record(RecordReading cmd) {
    Check.notNull(cmd, "command");
    validator.validate(cmd);
    requireManages(cmd.actor(), cmd.reading().subject());
    Observation o = normaliseChecked(cmd.reading());
    Observation stored = tx.inTransaction(() -> store.append(cmd.key(), o));
    written(List.of(stored));
    return stored;
  }

  /**
   * Imports a Dexcom G6 CSV export for {@code subject}, placing its local times in the subject's zone. Rows already
   * imported (same reading from the same device at the same time) are counted, not stored twice.
   */
  public ImportReport importDexcomG6(PersonId actor, PersonId subject, Reader csv) {
    requireManages(actor, subject);
    ZoneId zone = families.profile(subject).zone();
    ParsedImport parsed;
    try {
      parsed = dexcom.parse(csv, subject, zone);
    } catch (IOException e) {
      throw new UncheckedIOException("the export could not be read", e);
    }
    return store(parsed);
  }

  /** Imports Open mHealth documents of one schema version (bare bodies), each from {@code source}. */
  public ImportReport importOpenMHealth(PersonId actor, PersonId subject, OmhSchemaId schema, List<String> documents,
      Source source) {
    requireManages(actor, subject);
    Check.noNulls(documents, "documents");
    ZoneId zone = families.profile(subject).zone();
    List<Reading> readings = new ArrayList<>();
    List<ImportIssue> rejected = new ArrayList<>();
    List<ImportIssue> warnings = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      String where = "document " + (i + 1);
      try {
        OmhReading r = openMHealth.read(schema, documents.get(i), subject, zone, source);
        readings.add(r.reading());
        r.warnings().forEach(w -> warnings.add(new ImportIssue(where, w.field(), w.reason(), w.message())));
      } catch (KinHealthException e) {
        rejected.add(new ImportIssue(where, e.field().orElse("document"), e.reason(), e.getMessage()));
      }
    }
    return store(new ParsedImport(documents.size(), readings, Map.of(), rejected, warnings));
  }

  /**
   * Imports readings a host parsed itself (an app sync, a vendor API) for {@code subject}: each is normalised, keyed
   * by its natural identity (member, type, source, time) so a repeated sync stores nothing twice, and all are stored
   * in one transaction. Rejected readings are reported, not stored.
   */
  public ImportReport importReadings(PersonId actor, PersonId subject, List<Reading> readings) {
    requireManages(actor, subject);
    Check.noNulls(readings, "readings");
    for (int i = 0; i < readings.size(); i++) {
      if (!subject.equals(readings.get(i).subject())) {
        throw new ValidationException("readings[" + i + "].subject", "import.subject_mismatch",
            "every reading of an import belongs to its subject");
      }
    }
    return store(new ParsedImport(readings.size(), readings, Map.of(), List.of(), List.of()));
  }

  private ImportReport store(ParsedImport parsed) {
    List<ImportIssue> rejected = new ArrayList<>(parsed.rejected());
    List<Reading> readings = parsed.readings();
    List<ObservationStore.Append> appends = new ArrayList<>(readings.size());
    Instant now = clock.instant(); // one import, one recorded time
    byte[] keyBuffer = NaturalKey.scratch(); // one buffer for every key of this import
    for (int i = 0, n = readings.size(); i < n; i++) {
      Reading r = readings.get(i);
      try {
        Observation o = normaliser.normalise(r, now);
        appends.add(new ObservationStore.Append(NaturalKey.of(o, keyBuffer), o));
      } catch (ValidationException e) {
        rejected.add(new ImportIssue(r.reference() == null ? "reading" : r.reference(), e.field().orElse("reading"),
            e.reason(), e.getMessage()));
      }
    }
    // one batch: each reading keeps its own natural key, a conflict is reported for that reading only
    List<ObservationStore.Outcome> outcomes = tx.inTransaction(() -> store.appendEach(appends));
    List<Observation> stored = new ArrayList<>(appends.size());
    int present = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      Observation o = appends.get(i).observation();
      switch (outcomes.get(i)) {
        case STORED -> stored.add(o);
        case ALREADY_STORED -> present++;
        case KEY_CONFLICT -> rejected.add(new ImportIssue(o.provenance().knownReference().orElse("reading"),
            "values", "import.already_imported_differently", "this reading was imported before with other values"));
        default -> throw new IllegalStateException("unknown outcome " + outcomes.get(i));
      }
    }
    written(stored);
    return new ImportReport(parsed.recordsRead(), stored.size(), present, parsed.ignored(), rejected,
        parsed.warnings());
  }

  /** The same reading (member, type, source, time, statistic) always gets the same key, so re-imports are harmless. */
  static IdempotencyKey naturalKey(Observation o) {
    return NaturalKey.of(o);
  }

  private Observation normaliseChecked(Reading r) {
    Observation o = normaliser.normalise(r);
    if (o.type().aggregation() == Aggregation.TOTAL
        && Duration.between(o.effectiveAt(), o.effectiveEnd()).compareTo(MAX_TOTAL_PERIOD) > 0) {
      throw new ValidationException("effectiveEnd", "observation.period.too_long",
          "a count may cover at most 24 hours");
    }
    return o;
  }

  /** The time span written to one series by one operation. */
  private static final class Span {
    final PersonId subject;
    final ObservationType type;
    // only as many rows as the statistics cache merges: past that it drops the span's buckets and needs the count
    final List<Observation> rows = new ArrayList<>();
    int count;
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;

    Span(PersonId subject, ObservationType type) {
      this.subject = subject;
      this.type = type;
    }

    boolean holds(Observation o) {
      return (o.type() == type || o.type().equals(type)) && (o.subject() == subject || o.subject().equals(subject));
    }

    void add(Observation o) {
      long at = o.effectiveAt().toEpochMilli();
      long end = o.effectiveEnd() == null ? at : o.effectiveEnd().toEpochMilli();
      from = Math.min(from, at);
      to = Math.max(to, end);
      if (count++ <= SeriesStatistics.MERGE_LIMIT) {
        rows.add(o);
      }
    }
  }

  private void written(List<Observation> stored) {
    List<Span> spans = new ArrayList<>(4);
    Span last = null;
    for (int i = 0, n = stored.size(); i < n; i++) { // one pass: an import holds one member's readings of few types
      Observation o = stored.get(i);
      if (last == null || !last.holds(o)) {
        last = null;
        for (int j = 0; j < spans.size(); j++) {
          if (spans.get(j).holds(o)) {
            last = spans.get(j);
            break;
          }
        }
        if (last == null) {
          last = new Span(o.subject(), o.type());
          spans.add(last);
        }
      }
      last.add(o);
    }
    for (Span span : spans) {
      Instant from = Instant.ofEpochMilli(span.from);
      Instant to = Instant.ofEpochMilli(span.to);
      boolean[] committed = {false};
      tx.afterCommit(() -> {
        committed[0] = true;
        series.written(span.subject, span.type, span.rows, span.count, span.from, span.to);
      });
      if (!committed[0]) {
        // inside a caller's transaction: reads before its commit see this write, recomputed from the store; if it
        // rolls back, what they cached is dropped again (runners that can roll back implement afterRollback)
        series.invalidate(span.subject, span.type, from, to);
        tx.afterRollback(() -> series.invalidate(span.subject, span.type, from, to));
      }
      ObservationsRecorded event = new ObservationsRecorded(span.subject, span.type.key(), from, to,
          span.count, clock.instant());
      tx.afterCommit(() -> {
        publishing.set(event);
        try {
          events.publish(event);
        } finally {
          publishing.remove();
        }
      });
    }
  }

  private void requireManages(PersonId actor, PersonId subject) {
    Check.notNull(actor, "actor");
    Check.notNull(subject, "subject");
    if (!families.manages(actor, subject)) {
      throw new ForbiddenException("family.record.not_guardian", "subject",
          "only the member, or their guardian while they are a minor, records their readings");
    }
  }

  /**
   * De-duplicated readings of a type in {@code [from, to)}, as {@code viewer} may see them (at most
   * {@link #MAX_RANGE}); summaries are included as they are.
   */
  public List<DeduplicatedReading> readings(PersonId viewer, PersonId subject, String type, Instant from, Instant to) {
    ObservationType t = types.get(type);
    viewing.require(viewer, subject, t.dataCategory());
    return readingsUnchecked(subject, t, from, to);
  }

  /** {@link #readings} without the consent decision: for callers that decided already (exports, risk rules). */
  List<DeduplicatedReading> readingsUnchecked(PersonId subject, ObservationType t, Instant from, Instant to) {
    checkRange(from, to);
    String type = t.key();
    List<Observation> all;
    try (Stream<Observation> s = store.stream(subject, type, from, to, PAGE)) {
      all = s.toList();
    }
    if (t.aggregation() == Aggregation.TOTAL) {
      return all.stream().map(o -> new DeduplicatedReading(o, List.of())).toList();
    }
    List<DeduplicatedReading> out = new ArrayList<>(new VitalSignDeduplicator(dedup).deduplicate(all, t));
    all.stream().filter(o -> !o.isIndividual()).forEach(o -> out.add(new DeduplicatedReading(o, List.of())));
    out.sort(Comparator.comparing((DeduplicatedReading r) -> r.kept().effectiveAt())
        .thenComparing(r -> r.kept().id().value()));
    return out;
  }

  /** The member's latest individual reading of a type that is not a duplicate, as {@code viewer} may see it. */
  public Optional<Observation> latest(PersonId viewer, PersonId subject, String type) {
    ObservationType t = types.get(type);
    viewing.require(viewer, subject, t.dataCategory());
    return latestUnchecked(subject, t);
  }

  Optional<Observation> latestUnchecked(PersonId subject, ObservationType t) {
    List<Observation> recent = store.latest(subject, t.key(), 8).stream().filter(Observation::isIndividual).toList();
    if (recent.isEmpty()) {
      return Optional.empty();
    }
    if (t.aggregation() == Aggregation.TOTAL) {
      return Optional.of(recent.get(0));
    }
    List<DeduplicatedReading> kept = new VitalSignDeduplicator(dedup).deduplicate(recent, t);
    return Optional.of(kept.get(kept.size() - 1).kept());
  }

  /** Statistics per bucket of {@code size} in the member's zone over {@code [from, to)}, as {@code viewer} may see. */
  public List<ObservationBucket> statistics(PersonId viewer, PersonId subject, String type, BucketSize size,
      Instant from, Instant to) {
    ObservationType t = types.get(type);
    viewing.require(viewer, subject, t.dataCategory());
    return statisticsUnchecked(subject, t, families.profile(subject).zone(), size, from, to);
  }

  List<ObservationBucket> statisticsUnchecked(PersonId subject, ObservationType t, ZoneId zone, BucketSize size,
      Instant from, Instant to) {
    checkRange(from, to);
    return statisticsUnchecked(subject, t, BucketBoundaries.of(zone, size, from, to));
  }

  /** Statistics over precomputed boundaries (the dashboard computes them once per member). */
  List<ObservationBucket> statisticsUnchecked(PersonId subject, ObservationType t, BucketBoundaries bounds) {
    return series.statistics(subject, t, bounds);
  }

  /** The write version of a member's readings of a type: it moves with every write (here or reported by events). */
  long version(PersonId subject, ObservationType t) {
    return series.version(subject, t.key());
  }

  private static void checkRange(Instant from, Instant to) {
    Check.notNull(from, "from");
    Check.notNull(to, "to");
    Check.that(from.isBefore(to), "to", "range.empty", "to must be after from");
    Check.that(Duration.between(from, to).compareTo(MAX_RANGE) <= 0, "to", "range.too_long",
        "a range covers at most 400 days");
  }
}
