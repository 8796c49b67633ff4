package io.kinhealth.family;

import static io.kinhealth.family.support.Family4.DAUGHTER;
import static io.kinhealth.family.support.Family4.FATHER;
import static io.kinhealth.family.support.Family4.FATHER_BORN;
import static io.kinhealth.family.support.Family4.MOTHER;
import static io.kinhealth.family.support.Family4.SON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryEventBus;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.model.Zones;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.family.dedup.DeduplicatedReading;
import io.kinhealth.family.ingest.ImportReport;
import io.kinhealth.family.ingest.OmhSchemaId;
import io.kinhealth.family.memory.InMemoryObservationStore;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationId;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.spi.ObservationStore;
import io.kinhealth.family.stats.BucketSize;
import io.kinhealth.family.stats.ObservationBucket;
import io.kinhealth.family.support.Family4;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ObservationServiceTest {
  private static final Source CUFF = Source.device("omron-hem-7136", "Omron HEM-7136");
  private static final Source APP = Source.app("huawei-health", "Huawei Health");

  /** Counts range reads, to see which buckets a statistics call recomputes. */
  static final class CountingStore implements ObservationStore {
    final InMemoryObservationStore inner = new InMemoryObservationStore();
    final List<Instant[]> ranges = new ArrayList<>();
    Runnable onRead;

    @Override
    public Observation append(IdempotencyKey key, Observation observation) {
      return inner.append(key, observation);
    }

    @Override
    public List<Outcome> appendEach(List<Append> appends) {
      return inner.appendEach(appends);
    }

    @Override
    public Optional<Observation> find(ObservationId id) {
      return inner.find(id);
    }

    @Override
    public Page<Observation> findRange(PersonId subject, String type, Instant from, Instant to, PageRequest page) {
      if (page.cursor() == null) {
        ranges.add(new Instant[] {from, to});
      }
      Page<Observation> result = inner.findRange(subject, type, from, to, page);
      Runnable hook = onRead;
      onRead = null;
      if (hook != null) {
        hook.run(); // a writer slips in after the reader read the store
      }
      return result;
    }

    @Override
    public List<Observation> latest(PersonId subject, String type, int limit) {
      return inner.latest(subject, type, limit);
    }
  }

  private final CountingStore store = new CountingStore();
  private final Family4 f = new Family4(b -> b.observationStore(store));
  private final ObservationService observations = f.records.observations();

  private static Instant local(String t) {
    return LocalDateTime.parse(t).atZone(Zones.CHINA).toInstant();
  }

  private Observation glucose(PersonId actor, PersonId who, String at, Source source, double mmol) {
    return observations.record(new RecordReading(f.key(), actor, Reading.builder(who, "blood-glucose")
        .values("mmol/L", mmol).at(OffsetDateTime.of(LocalDateTime.parse(at), ZoneOffset.ofHours(8)))
        .source(source).build()));
  }

  @Test
  @DisplayName("members record their own readings and a guardian records the child's; nobody else can")
  void whoRecords() {
    assertThat(glucose(MOTHER, MOTHER, "2026-11-25T07:00:00", CUFF, 5.2).subject()).isEqualTo(MOTHER);
    assertThat(glucose(MOTHER, SON, "2026-11-25T07:05:00", CUFF, 4.9).subject()).isEqualTo(SON);
    assertThatThrownBy(() -> glucose(FATHER, DAUGHTER, "2026-11-25T07:10:00", CUFF, 5.0))
        .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.reason())
            .isEqualTo("family.record.not_guardian"));
    assertThatThrownBy(() -> glucose(MOTHER, MOTHER, "2026-11-25T07:00:00", CUFF, 120))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("a replayed record returns the stored reading; the same key with another reading is refused")
  void idempotentRecord() {
    IdempotencyKey key = IdempotencyKey.of("meter-upload-1");
    Reading r = Reading.builder(MOTHER, "blood-glucose").values("mg/dL", 101)
        .at(OffsetDateTime.parse("2026-11-25T07:00:00+08:00")).source(CUFF).build();
    Observation first = observations.record(new RecordReading(key, MOTHER, r));
    assertThat(observations.record(new RecordReading(key, MOTHER, r)).id()).isEqualTo(first.id());
    Reading other = Reading.builder(MOTHER, "blood-glucose").values("mg/dL", 140)
        .at(OffsetDateTime.parse("2026-11-25T07:00:00+08:00")).source(CUFF).build();
    assertThatThrownBy(() -> observations.record(new RecordReading(key, MOTHER, other)))
        .isInstanceOf(io.kinhealth.core.error.IdempotencyConflictException.class);
    assertThat(store.inner.size()).isEqualTo(1);
  }

  @Test
  @DisplayName("the Dexcom export imports once: a second import stores nothing new; daily statistics follow")
  void dexcomImport() throws Exception {
    ImportReport first;
    try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/data/cgm/dexcom-g6-export.csv"),
        StandardCharsets.UTF_8)) {
      first = observations.importDexcomG6(FATHER, FATHER, in);
    }
    assertThat(first.imported()).isEqualTo(2148);
    assertThat(first.alreadyPresent()).isZero();
    assertThat(first.ignoredTotal()).isEqualTo(11);
    ImportReport second;
    try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/data/cgm/dexcom-g6-export.csv"),
        StandardCharsets.UTF_8)) {
      second = observations.importDexcomG6(FATHER, FATHER, in);
    }
    assertThat(second.imported()).isZero();
    assertThat(second.alreadyPresent()).isEqualTo(2148);
    List<ObservationBucket> days = observations.statistics(FATHER, FATHER, "blood-glucose", BucketSize.DAY,
        local("2016-10-24T00:00:00"), local("2016-11-02T00:00:00"));
    assertThat(days).hasSize(9);
    assertThat(days.stream().mapToInt(ObservationBucket::count).sum()).isEqualTo(2148);
    assertThat(days.get(0).localStart()).isEqualTo(LocalDateTime.parse("2016-10-24T00:00"));
    assertThat(days.get(0).latestAt()).isBefore(local("2016-10-25T00:00:00"));
    assertThat(days).allSatisfy(d -> assertThat(d.timeInRange()).isPresent());
    assertThatThrownBy(() -> observations.statistics(MOTHER, FATHER, "blood-glucose", BucketSize.DAY,
        local("2016-10-24T00:00:00"), local("2016-11-02T00:00:00"))).isInstanceOf(ForbiddenException.class);
    f.share(FATHER, FATHER_BORN, MOTHER, StandardCategories.HEALTH_VITAL_SIGNS);
    assertThat(observations.statistics(MOTHER, FATHER, "blood-glucose", BucketSize.DAY,
        local("2016-10-24T00:00:00"), local("2016-11-02T00:00:00"))).isEqualTo(days);
  }

  @Test
  @DisplayName("a re-sync stores only new readings; one that changed is reported as imported differently, alone")
  void resync() {
    List<Reading> first = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      first.add(Reading.builder(MOTHER, "heart-rate").values("/min", 60 + i)
          .at(OffsetDateTime.parse("2026-11-25T07:00:00+08:00").plusMinutes(i)).source(CUFF)
          .importedFrom("app-sync", "row " + (i + 1)).build());
    }
    assertThat(observations.importReadings(MOTHER, MOTHER, first).imported()).isEqualTo(5);
    List<Reading> second = new ArrayList<>(first);
    second.set(2, Reading.builder(MOTHER, "heart-rate").values("/min", 99)
        .at(OffsetDateTime.parse("2026-11-25T07:02:00+08:00")).source(CUFF).importedFrom("app-sync", "row 3").build());
    second.add(Reading.builder(MOTHER, "heart-rate").values("/min", 70)
        .at(OffsetDateTime.parse("2026-11-25T07:10:00+08:00")).source(CUFF).importedFrom("app-sync", "row 6").build());
    second.add(Reading.builder(MOTHER, "heart-rate").values("/min", 400)
        .at(OffsetDateTime.parse("2026-11-25T07:11:00+08:00")).source(CUFF).importedFrom("app-sync", "row 7").build());
    ImportReport report = observations.importReadings(MOTHER, MOTHER, second);
    assertThat(report.imported()).isEqualTo(1);
    assertThat(report.alreadyPresent()).isEqualTo(4);
    assertThat(report.rejected()).extracting(i -> i.location() + " " + i.reason()).containsExactly(
        "row 7 observation.value.implausible", "row 3 import.already_imported_differently");
    assertThat(observations.readings(MOTHER, MOTHER, "heart-rate", local("2026-11-25T07:00:00"),
        local("2026-11-25T08:00:00"))).extracting(r -> r.kept().value()).containsExactly(60.0, 61.0, 62.0, 63.0, 64.0,
        70.0);
  }

  @Test
  @DisplayName("Open mHealth documents import, rejected ones are reported with their reason and field")
  void openMHealthImport() {
    ImportReport report = observations.importOpenMHealth(MOTHER, MOTHER, OmhSchemaId.omh("blood-pressure", "4.0"),
        List.of("""
            {"systolic_blood_pressure": {"value": 125, "unit": "mmHg"},
             "diastolic_blood_pressure": {"value": 80, "unit": "mmHg"},
             "effective_time_frame": {"date_time": "2026-11-24T07:25:00+08:00"}}""",
            """
            {"systolic_blood_pressure": {"value": 125, "unit": "mmH"},
             "diastolic_blood_pressure": {"value": 80, "unit": "mmHg"},
             "effective_time_frame": {"date_time": "2026-11-24T07:25:00+08:00"}}"""), APP);
    assertThat(report.imported()).isEqualTo(1);
    assertThat(report.rejected()).singleElement().satisfies(i -> {
      assertThat(i.location()).isEqualTo("document 2");
      assertThat(i.field()).isEqualTo("systolic_blood_pressure.unit");
      assertThat(i.reason()).isEqualTo("omh.unit");
    });
  }

  @Test
  @DisplayName("the cuff's reading and the app's copy collapse into one; the copy stays as provenance")
  void duplicatesCollapse() {
    Observation cuff = observations.record(new RecordReading(f.key(), MOTHER, Reading.builder(MOTHER,
        "blood-pressure").values("mmHg", 128, 82).at(OffsetDateTime.parse("2026-11-25T07:30:00+08:00"))
        .source(CUFF).build()));
    Observation copy = observations.record(new RecordReading(f.key(), MOTHER, Reading.builder(MOTHER,
        "blood-pressure").values("mmHg", 128, 82).at(OffsetDateTime.parse("2026-11-25T07:31:10+08:00"))
        .source(APP).build()));
    List<DeduplicatedReading> readings = observations.readings(MOTHER, MOTHER, "blood-pressure",
        local("2026-11-25T00:00:00"), local("2026-11-26T00:00:00"));
    assertThat(readings).singleElement().satisfies(r -> {
      assertThat(r.kept()).isEqualTo(cuff);
      assertThat(r.collapsed()).containsExactly(copy);
    });
    assertThat(observations.latest(MOTHER, MOTHER, "blood-pressure")).contains(cuff);
    List<ObservationBucket> day = observations.statistics(MOTHER, MOTHER, "blood-pressure", BucketSize.DAY,
        local("2026-11-25T00:00:00"), local("2026-11-26T00:00:00"));
    assertThat(day).extracting(ObservationBucket::count).containsExactly(1, 1);
    assertThat(day).extracting(ObservationBucket::duplicates).containsExactly(1, 1);
  }

  @Test
  @DisplayName("a late reading recomputes only the day it lands in, from memory; the other 29 come from the cache")
  void lateDataTouchesOneBucket() {
    for (int d = 0; d < 30; d++) {
      glucose(MOTHER, MOTHER, LocalDate.of(2026, 10, 27).plusDays(d) + "T08:00:00", CUFF, 5 + d * 0.01);
    }
    Instant from = local("2026-10-27T00:00:00");
    Instant to = local("2026-11-26T00:00:00");
    List<ObservationBucket> before = observations.statistics(MOTHER, MOTHER, "blood-glucose", BucketSize.DAY, from,
        to);
    assertThat(before).hasSize(30);
    store.ranges.clear();
    assertThat(observations.statistics(MOTHER, MOTHER, "blood-glucose", BucketSize.DAY, from, to)).isEqualTo(before);
    assertThat(store.ranges).as("all from the cache").isEmpty();

    glucose(MOTHER, MOTHER, "2026-11-01T21:00:00", APP, 9.0); // arrives late, for the sixth day
    List<ObservationBucket> after = observations.statistics(MOTHER, MOTHER, "blood-glucose", BucketSize.DAY, from,
        to);
    assertThat(store.ranges).as("the write merged into the cached day: nothing re-read").isEmpty();
    assertThat(after.get(5).count()).isEqualTo(2);
    assertThat(after.get(5).max()).isEqualTo(9.0);
    for (int d = 0; d < 30; d++) {
      if (d != 5) {
        assertThat(after.get(d)).isEqualTo(before.get(d));
      }
    }
  }

  @Test
  @DisplayName("a write racing a statistics read never leaves a stale bucket in the cache")
  void racingWriter() {
    glucose(MOTHER, MOTHER, "2026-11-25T07:00:00", CUFF, 5.0);
    store.onRead = () -> glucose(MOTHER, MOTHER, "2026-11-25T08:00:00", CUFF, 6.0);
    Instant from = local("2026-11-25T00:00:00");
    Instant to = local("2026-11-26T00:00:00");
    assertThat(observations.statistics(MOTHER, MOTHER, "blood-glucose", BucketSize.DAY, from, to).get(0).count())
        .isEqualTo(1);
    assertThat(observations.statistics(MOTHER, MOTHER, "blood-glucose", BucketSize.DAY, from, to).get(0).count())
        .isEqualTo(2);
  }

  @Test
  @DisplayName("another node's write invalidates this node's cached buckets through the event bus")
  void otherNodes() {
    InMemoryEventBus bus = new InMemoryEventBus();
    ObservationStore shared = new InMemoryObservationStore();
    Family4 nodeA = new Family4(b -> b.eventBus(bus).observationStore(shared));
    ObservationService a = nodeA.records.observations();
    FamilyRecords nodeB = FamilyRecords.builder().clock(nodeA.clock).eventBus(bus).observationStore(shared)
        .familyStore(new io.kinhealth.family.memory.InMemoryFamilyStore()).build();
    PersonId solo = PersonId.of("p-solo");
    Instant from = local("2026-11-25T00:00:00");
    Instant to = local("2026-11-26T00:00:00");
    a.record(new RecordReading(nodeA.key(), solo, Reading.builder(solo, "heart-rate").values("bpm", 70)
        .at(OffsetDateTime.parse("2026-11-25T08:00:00+08:00")).source(CUFF).build()));
    assertThat(nodeB.observations().statistics(solo, solo, "heart-rate", BucketSize.DAY, from, to).get(0).count())
        .isEqualTo(1);
    a.record(new RecordReading(nodeA.key(), solo, Reading.builder(solo, "heart-rate").values("bpm", 80)
        .at(OffsetDateTime.parse("2026-11-25T09:00:00+08:00")).source(CUFF).build()));
    assertThat(nodeB.observations().statistics(solo, solo, "heart-rate", BucketSize.DAY, from, to).get(0).count())
        .isEqualTo(2);
  }

  @Test
  @DisplayName("inside a caller's transaction a new reading is seen at once, and if it rolls back, no longer")
  void writesInsideACallersTransaction() {
    glucose(MOTHER, MOTHER, "2026-11-24T08:00:00", CUFF, 5.0);
    Instant from = local("2026-11-24T00:00:00");
    Instant to = local("2026-11-25T00:00:00");
    List<ObservationBucket> before = observations.statistics(MOTHER, MOTHER, "blood-glucose", BucketSize.DAY, from,
        to);
    assertThat(before).singleElement().extracting(ObservationBucket::count).isEqualTo(1);
    InMemoryTransactionRunner host = new InMemoryTransactionRunner();
    assertThatThrownBy(() -> host.execute(() -> {
      glucose(MOTHER, MOTHER, "2026-11-24T12:00:00", APP, 9.0);
      assertThat(observations.statistics(MOTHER, MOTHER, "blood-glucose", BucketSize.DAY, from, to))
          .as("read your own write").singleElement().extracting(ObservationBucket::max).isEqualTo(9.0);
      throw new IllegalStateException("the host's work fails");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(observations.statistics(MOTHER, MOTHER, "blood-glucose", BucketSize.DAY, from, to))
        .as("rolled back: the cached day no longer holds the reading").isEqualTo(before);

    host.execute(() -> glucose(MOTHER, MOTHER, "2026-11-24T13:00:00", APP, 7.0));
    assertThat(observations.statistics(MOTHER, MOTHER, "blood-glucose", BucketSize.DAY, from, to))
        .singleElement().satisfies(b -> {
          assertThat(b.count()).isEqualTo(2);
          assertThat(b.max()).isEqualTo(7.0);
        });
  }

  @Test
  @DisplayName("another node's late reading makes this node re-read exactly the day it lands in")
  void lateDataFromAnotherNode() {
    InMemoryEventBus bus = new InMemoryEventBus();
    CountingStore shared = new CountingStore();
    Family4 nodeA = new Family4(b -> b.eventBus(bus).observationStore(shared));
    FamilyRecords nodeB = FamilyRecords.builder().clock(nodeA.clock).eventBus(bus).observationStore(shared)
        .familyStore(new io.kinhealth.family.memory.InMemoryFamilyStore()).build();
    PersonId solo = PersonId.of("p-solo");
    for (int d = 0; d < 30; d++) {
      nodeA.records.observations().record(new RecordReading(nodeA.key(), solo, Reading.builder(solo, "heart-rate")
          .values("bpm", 70).at(OffsetDateTime.of(LocalDate.of(2026, 10, 27).plusDays(d).atTime(8, 0),
              ZoneOffset.ofHours(8))).source(CUFF).build()));
    }
    Instant from = local("2026-10-27T00:00:00");
    Instant to = local("2026-11-26T00:00:00");
    assertThat(nodeB.observations().statistics(solo, solo, "heart-rate", BucketSize.DAY, from, to)).hasSize(30);
    shared.ranges.clear();
    nodeA.records.observations().record(new RecordReading(nodeA.key(), solo, Reading.builder(solo, "heart-rate")
        .values("bpm", 90).at(OffsetDateTime.parse("2026-11-01T21:00:00+08:00")).source(CUFF).build()));
    List<ObservationBucket> after = nodeB.observations().statistics(solo, solo, "heart-rate", BucketSize.DAY, from,
        to);
    assertThat(shared.ranges).singleElement().satisfies(r -> {
      assertThat(r[0]).isEqualTo(local("2026-11-01T00:00:00").minus(Duration.ofMinutes(2)));
      assertThat(r[1]).isEqualTo(local("2026-11-02T00:00:00").plus(Duration.ofMinutes(2)).plusMillis(1));
    });
    assertThat(after.get(5).count()).isEqualTo(2);
  }

  @Test
  @DisplayName("step counts from two sources are totalled per day without double counting")
  void stepTotals() {
    observations.record(new RecordReading(f.key(), MOTHER, Reading.builder(MOTHER, "steps").values("steps", 1200)
        .at(OffsetDateTime.parse("2026-11-25T09:00:00+08:00")).until(local("2026-11-25T10:00:00"))
        .source(Source.app("wechat-sport", "WeChat Sport")).build()));
    observations.record(new RecordReading(f.key(), MOTHER, Reading.builder(MOTHER, "steps").values("steps", 900)
        .at(OffsetDateTime.parse("2026-11-25T09:30:00+08:00")).until(local("2026-11-25T10:30:00"))
        .source(Source.device("mi-band", "Mi Band")).build()));
    List<ObservationBucket> day = observations.statistics(MOTHER, MOTHER, "steps", BucketSize.DAY,
        local("2026-11-25T00:00:00"), local("2026-11-26T00:00:00"));
    assertThat(day).singleElement().satisfies(b -> assertThat(b.sum()).isEqualTo(1500.0));
    assertThatThrownBy(() -> observations.record(new RecordReading(f.key(), MOTHER, Reading.builder(MOTHER, "steps")
        .values("steps", 20000).at(OffsetDateTime.parse("2026-11-20T09:00:00+08:00"))
        .until(local("2026-11-22T10:00:00")).source(CUFF).build())))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason())
            .isEqualTo("observation.period.too_long"));
  }
}
