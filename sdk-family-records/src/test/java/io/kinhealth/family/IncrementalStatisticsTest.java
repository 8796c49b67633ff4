package io.kinhealth.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.family.ObservationServiceTest.CountingStore;
import io.kinhealth.family.dedup.DedupPolicy;
import io.kinhealth.family.dedup.SourcePriorities;
import io.kinhealth.family.dedup.TotalsSweep;
import io.kinhealth.family.memory.InMemoryFamilyStore;
import io.kinhealth.family.observation.Aggregation;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.spi.FamilyStore;
import io.kinhealth.family.spi.ObservationStore;
import io.kinhealth.family.stats.BucketBoundaries;
import io.kinhealth.family.stats.BucketSize;
import io.kinhealth.family.stats.BucketStatistics;
import io.kinhealth.family.stats.ObservationBucket;
import io.kinhealth.family.stats.SeriesColumns;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Buckets updated in place by writes (readings merged into the cached buckets, recomputed from memory) must equal
 * the buckets a fresh service computes from the store: over many seeded histories with duplicates from several
 * sources, daylight-saving days, counts straddling midnight, late and out-of-order data, and reads in between.
 */
class IncrementalStatisticsTest {
  private static final PersonId MEMBER = PersonId.of("p-incremental");
  private static final Source CUFF = Source.device("cuff", "Cuff");
  private static final Source APP = Source.app("health-app", "Health app");
  private static final Source MANUAL = Source.manual("typed");
  private static final Source BAND = Source.device("band", "Band");
  private static final List<String> TYPES = List.of("blood-pressure", "blood-glucose", "steps");
  private static final List<BucketSize> SIZES = List.of(BucketSize.HOUR, BucketSize.DAY, BucketSize.WEEK);

  private static FamilyRecords service(Clock clock, ObservationStore observations, FamilyStore families) {
    return FamilyRecords.builder().clock(clock).observationStore(observations).familyStore(families).build();
  }

  /** One generated reading: a vital sign, often a copy of another from a second source, or a count over a span. */
  private static Reading reading(Random random, String type, Instant from, long spanSeconds, List<Reading> earlier) {
    if (!earlier.isEmpty() && random.nextInt(3) == 0) { // a copy of an earlier reading, seen by another source
      Reading original = earlier.get(random.nextInt(earlier.size()));
      if (original.type().equals(type) && !type.equals("steps")) {
        double[] v = original.values();
        for (int i = 0; i < v.length; i++) {
          v[i] += random.nextInt(3) - 1;
        }
        Source[] others = {APP, MANUAL, BAND, CUFF};
        return Reading.builder(MEMBER, type).values(original.unit(), v)
            .at(original.at().plusSeconds(random.nextInt(241) - 120), ZoneOffset.ofHours(8))
            .source(others[random.nextInt(others.length)]).build();
      }
    }
    Instant at = from.plusSeconds(random.nextInt((int) spanSeconds));
    Source source = random.nextInt(4) == 0 ? APP : random.nextBoolean() ? CUFF : BAND;
    return switch (type) {
      case "blood-pressure" -> Reading.builder(MEMBER, type).values("mmHg", 110 + random.nextInt(40),
          70 + random.nextInt(15)).at(at, ZoneOffset.ofHours(8)).source(source).build();
      case "blood-glucose" -> Reading.builder(MEMBER, type).values("mmol/L", 3 + random.nextInt(90) / 10.0)
          .at(at, ZoneOffset.ofHours(8)).source(source).build();
      default -> Reading.builder(MEMBER, type).values("steps", random.nextInt(2000))
          .at(at, ZoneOffset.ofHours(8)).until(at.plusSeconds(60L * (1 + random.nextInt(180))))
          .source(random.nextBoolean() ? APP : BAND).build();
    };
  }

  /**
   * The kernels run directly over everything stored (no cache, no per-bucket reads): equal for vital signs; for
   * counts the same totals up to rounding (a sweep over a longer span cuts records at more places).
   */
  private static void assertMatchesDirectComputation(long seed, CountingStore store, String typeKey,
      BucketBoundaries bounds, List<ObservationBucket> buckets) {
    ObservationType type = ObservationTypes.defaults().get(typeKey);
    List<Observation> stored = new ArrayList<>();
    Page<Observation> page = store.inner.findRange(MEMBER, typeKey, bounds.start(0).minusSeconds(86_400),
        bounds.end(bounds.count() - 1).plusSeconds(86_400), PageRequest.first(1000));
    stored.addAll(page.items());
    while (page.hasNext()) {
      page = store.inner.findRange(MEMBER, typeKey, bounds.start(0).minusSeconds(86_400),
          bounds.end(bounds.count() - 1).plusSeconds(86_400), PageRequest.first(1000).next(page));
      stored.addAll(page.items());
    }
    BucketStatistics stats = BucketStatistics.of(type, DedupPolicy.defaults());
    SourcePriorities priorities = DedupPolicy.defaults().priorities();
    if (type.aggregation() == Aggregation.SAMPLE) {
      assertThat(buckets).as("seed %d, %s", seed, typeKey)
          .isEqualTo(stats.compute(SeriesColumns.from(stored, type, priorities), bounds));
      return;
    }
    List<ObservationBucket> direct = stats.totals(new TotalsSweep(priorities).sweep(stored), bounds);
    assertThat(buckets).extracting(ObservationBucket::start).as("seed %d, %s", seed, typeKey)
        .isEqualTo(direct.stream().map(ObservationBucket::start).toList());
    for (int i = 0; i < buckets.size(); i++) {
      assertThat(buckets.get(i).sum()).as("seed %d, %s", seed, typeKey)
          .isCloseTo(direct.get(i).sum(), within(1e-6));
      assertThat(buckets.get(i).latestAt()).isEqualTo(direct.get(i).latestAt());
    }
  }

  @Test
  @DisplayName("buckets updated by writes equal a full recompute from the store (seeded histories, DST zones)")
  void incrementalEqualsFullRecompute() {
    int duplicates = 0;
    for (long seed = 1; seed <= 24; seed++) {
      Random random = new Random(seed);
      ZoneId zone = ZoneId.of(seed % 2 == 0 ? "America/New_York" : "Asia/Shanghai");
      LocalDate firstDay = LocalDate.of(2026, 10, 29); // New York falls back on 1 November
      Instant from = firstDay.atStartOfDay(zone).toInstant();
      Instant to = firstDay.plusDays(7).atStartOfDay(zone).toInstant();
      long span = to.getEpochSecond() - from.getEpochSecond() - 4 * 3600;
      Clock clock = Clock.fixed(to.plusSeconds(86_400), ZoneOffset.UTC);
      CountingStore store = new CountingStore();
      InMemoryFamilyStore families = new InMemoryFamilyStore();
      FamilyRecords live = service(clock, store, families);
      AtomicLong keys = new AtomicLong();
      live.families().registerProfile(new RegisterProfile(IdempotencyKey.of("profile"), MEMBER, null, zone));

      List<Reading> all = new ArrayList<>();
      for (int i = 0; i < 240; i++) {
        all.add(reading(random, TYPES.get(random.nextInt(TYPES.size())), from, span, all));
      }
      Collections.shuffle(all, random); // late and out-of-order arrival
      ObservationService observations = live.observations();
      int warm = 60 + random.nextInt(60);
      observations.importReadings(MEMBER, MEMBER, all.subList(0, warm));
      for (String type : TYPES) {
        for (BucketSize size : SIZES) {
          observations.statistics(MEMBER, MEMBER, type, size, from, to); // fill the cache
        }
      }
      int statisticsReads = 0; // range reads made while statistics were asked for (risk rules read on writes)
      int next = warm;
      while (next < all.size()) {
        int n = Math.min(all.size() - next, 1 + random.nextInt(random.nextBoolean() ? 3 : 25));
        List<Reading> chunk = all.subList(next, next + n);
        if (n == 1 || random.nextBoolean()) {
          for (Reading r : chunk) {
            observations.record(new RecordReading(IdempotencyKey.of("k-" + keys.incrementAndGet()), MEMBER, r));
          }
        } else {
          observations.importReadings(MEMBER, MEMBER, chunk);
        }
        next += n;
        if (random.nextInt(3) == 0) { // read in between: later merges land on recomputed buckets
          String type = TYPES.get(random.nextInt(TYPES.size()));
          int before = store.ranges.size();
          observations.statistics(MEMBER, MEMBER, type, SIZES.get(random.nextInt(SIZES.size())), from, to);
          statisticsReads += store.ranges.size() - before;
        }
      }
      List<List<ObservationBucket>> updated = new ArrayList<>();
      for (String type : TYPES) {
        for (BucketSize size : SIZES) {
          int before = store.ranges.size();
          updated.add(observations.statistics(MEMBER, MEMBER, type, size, from, to));
          statisticsReads += store.ranges.size() - before;
        }
      }
      assertThat(statisticsReads).as("seed %d: updated buckets came from memory", seed).isZero();

      FamilyRecords fresh = service(clock, store, families);
      int k = 0;
      for (String type : TYPES) {
        for (BucketSize size : SIZES) {
          List<ObservationBucket> buckets = updated.get(k++);
          duplicates += buckets.stream().mapToInt(ObservationBucket::duplicates).sum();
          assertThat(buckets).as("seed %d, %s by %s", seed, type, size)
              .isNotEmpty()
              .isEqualTo(fresh.observations().statistics(MEMBER, MEMBER, type, size, from, to));
          assertMatchesDirectComputation(seed, store, type, BucketBoundaries.of(zone, size, from, to), buckets);
        }
      }
    }
    assertThat(duplicates).as("the histories do hold duplicates from several sources").isGreaterThan(500);
  }
}
