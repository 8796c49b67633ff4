package io.kinhealth.family.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.model.Zones;
import io.kinhealth.family.dedup.DedupPolicy;
import io.kinhealth.family.dedup.SourcePriorities;
import io.kinhealth.family.dedup.TotalsSweep;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.observation.ValueRange;
import io.kinhealth.family.support.Readings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketStatisticsTest {
  private static final PersonId FATHER = PersonId.of("p-father");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Source METER = Source.device("yuwell-580", "Yuwell 580 meter");
  private static final Source CGM = Source.device("dexcom-g6", "Dexcom G6");
  private static final Source APP = Source.app("sinocare-app", "Sinocare app");
  private static final ObservationType GLUCOSE = Readings.TYPES.get(ObservationTypes.BLOOD_GLUCOSE);
  private final BucketStatistics stats = BucketStatistics.of(GLUCOSE, DedupPolicy.defaults());

  private static Instant local(String dateTime, ZoneId zone) {
    return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
  }

  private List<ObservationBucket> daily(List<Observation> obs, ZoneId zone, String from, String to) {
    BucketBoundaries bounds = BucketBoundaries.of(zone, BucketSize.DAY, LocalDate.parse(from).atStartOfDay(zone)
        .toInstant(), LocalDate.parse(to).atStartOfDay(zone).toInstant());
    return stats.compute(SeriesColumns.from(obs, GLUCOSE, SourcePriorities.defaults()), bounds);
  }

  @Test
  @DisplayName("a day's count, min, max, mean, sample sd, p10/p50/p90, latest and time in range, by hand")
  void handComputedDay() {
    double[] values = {3.5, 5.0, 6.0, 7.0, 11.0};
    List<Observation> obs = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      obs.add(Readings.glucose(FATHER, local(String.format("2026-05-10T%02d:00:00", 6 + i), Zones.CHINA), METER, values[i]));
    }
    ObservationBucket day = daily(obs, Zones.CHINA, "2026-05-10", "2026-05-11").get(0);
    assertThat(day.localStart()).isEqualTo(LocalDateTime.parse("2026-05-10T00:00"));
    assertThat(day.count()).isEqualTo(5);
    assertThat(day.min()).isEqualTo(3.5);
    assertThat(day.max()).isEqualTo(11.0);
    assertThat(day.mean()).isCloseTo(6.5, within(1e-12));
    assertThat(day.sd()).isCloseTo(Math.sqrt((9 + 2.25 + 0.25 + 0.25 + 20.25) / 4), within(1e-12));
    assertThat(day.p10()).isCloseTo(4.1, within(1e-12)); // h = 0.4: 3.5 + 0.4 * 1.5
    assertThat(day.p50()).isEqualTo(6.0);
    assertThat(day.p90()).isCloseTo(9.4, within(1e-12)); // h = 3.6: 7 + 0.6 * 4
    assertThat(day.latest()).isEqualTo(11.0);
    assertThat(day.latestAt()).isEqualTo(local("2026-05-10T10:00:00", Zones.CHINA));
    assertThat(day.below()).isEqualTo(1);
    assertThat(day.inRange()).isEqualTo(3);
    assertThat(day.above()).isEqualTo(1);
    assertThat(day.timeInRange()).contains(0.6);
    assertThat(day.hours()).isEqualTo(24.0);
  }

  @Test
  @DisplayName("readings either side of Shanghai midnight fall on their own local dates, not the UTC date")
  void localMidnight() {
    List<Observation> obs = List.of(
        Readings.glucose(FATHER, local("2026-05-10T23:59:59", Zones.CHINA), METER, 5.0),
        Readings.glucose(FATHER, local("2026-05-11T00:00:00", Zones.CHINA), METER, 6.0),
        Readings.glucose(FATHER, Instant.parse("2026-05-11T16:30:00Z"), METER, 7.0)); // 00:30 on the 12th locally
    List<ObservationBucket> days = daily(obs, Zones.CHINA, "2026-05-10", "2026-05-13");
    assertThat(days).extracting(b -> b.localStart().toLocalDate()).containsExactly(LocalDate.parse("2026-05-10"),
        LocalDate.parse("2026-05-11"), LocalDate.parse("2026-05-12"));
    assertThat(days).extracting(ObservationBucket::mean).containsExactly(5.0, 6.0, 7.0);
  }

  @Test
  @DisplayName("in New York the spring-forward day has 23 hours and the fall-back day 25, each holding its readings")
  void daylightSavingDays() {
    List<Observation> obs = new ArrayList<>();
    for (String day : List.of("2026-03-08", "2026-11-01")) {
      ZonedDateTime t = LocalDate.parse(day).atStartOfDay(NEW_YORK);
      ZonedDateTime end = LocalDate.parse(day).plusDays(1).atStartOfDay(NEW_YORK);
      for (; t.isBefore(end); t = t.plusHours(1)) { // one reading every real hour
        obs.add(Readings.sample(FATHER, ObservationTypes.BLOOD_GLUCOSE, t.toInstant(), NEW_YORK, METER, "mmol/L", 5));
      }
    }
    List<ObservationBucket> days = daily(obs, NEW_YORK, "2026-03-07", "2026-11-03");
    assertThat(days).hasSize(2);
    assertThat(days.get(0).hours()).isEqualTo(23.0);
    assertThat(days.get(0).count()).isEqualTo(23);
    assertThat(days.get(1).hours()).isEqualTo(25.0);
    assertThat(days.get(1).count()).isEqualTo(25);

    BucketBoundaries hours = BucketBoundaries.of(NEW_YORK, BucketSize.HOUR, local("2026-11-01T00:00:00", NEW_YORK),
        local("2026-11-02T00:00:00", NEW_YORK));
    assertThat(hours.count()).isEqualTo(25);
    assertThat(hours.localStart(1)).isEqualTo(hours.localStart(2).minusHours(0)).isEqualTo(
        LocalDateTime.parse("2026-11-01T01:00"));
    assertThat(stats.compute(SeriesColumns.from(obs, GLUCOSE, SourcePriorities.defaults()), hours)).hasSize(25)
        .allSatisfy(b -> assertThat(b.count()).isEqualTo(1));
  }

  @Test
  @DisplayName("Shanghai days are always 24 hours; weeks start on Monday and months on the 1st")
  void weeksAndMonths() {
    BucketBoundaries days = BucketBoundaries.of(Zones.CHINA, BucketSize.DAY, local("2026-01-01T00:00:00", Zones.CHINA),
        local("2027-01-01T00:00:00", Zones.CHINA));
    assertThat(days.count()).isEqualTo(365);
    for (int i = 0; i < days.count(); i++) {
      assertThat(days.end(i).toEpochMilli() - days.start(i).toEpochMilli()).isEqualTo(86_400_000L);
    }
    BucketBoundaries weeks = BucketBoundaries.of(Zones.CHINA, BucketSize.WEEK, local("2026-05-13T12:00:00", Zones.CHINA),
        local("2026-05-20T00:00:00", Zones.CHINA));
    assertThat(weeks.localStart(0)).isEqualTo(LocalDateTime.parse("2026-05-11T00:00"));
    BucketBoundaries months = BucketBoundaries.of(NEW_YORK, BucketSize.MONTH, local("2026-02-10T00:00:00", NEW_YORK),
        local("2026-04-01T00:00:00", NEW_YORK));
    assertThat(months.count()).isEqualTo(2);
    assertThat(months.localStart(1)).isEqualTo(LocalDateTime.parse("2026-03-01T00:00"));
    assertThat(months.end(1)).isEqualTo(local("2026-04-01T00:00:00", NEW_YORK));
  }

  @Test
  @DisplayName("a member who flies to New York keeps Shanghai days; each reading keeps its own -04:00 offset")
  void travel() {
    Observation beforeFlight = Readings.glucose(FATHER, local("2026-05-10T08:00:00", Zones.CHINA), METER, 5.0);
    Instant nyEvening = local("2026-05-10T21:00:00", NEW_YORK); // 09:00 on 11 May in Shanghai
    Observation inNewYork = Readings.sample(FATHER, ObservationTypes.BLOOD_GLUCOSE, nyEvening, NEW_YORK, METER,
        "mmol/L", 6.0);
    assertThat(inNewYork.localTime().getOffset().getTotalSeconds()).isEqualTo(-4 * 3600);
    List<ObservationBucket> days = daily(List.of(beforeFlight, inNewYork), Zones.CHINA, "2026-05-10", "2026-05-12");
    assertThat(days).extracting(b -> b.localStart().toLocalDate().toString()).containsExactly("2026-05-10",
        "2026-05-11");
  }

  @Test
  @DisplayName("a duplicate seen across midnight is counted once, in the day of the reading that wins")
  void duplicateAcrossMidnight() {
    Observation meter = Readings.glucose(FATHER, local("2026-05-10T23:59:30", Zones.CHINA), METER, 6.1);
    Observation copy = Readings.glucose(FATHER, local("2026-05-11T00:00:40", Zones.CHINA), APP, 6.2);
    List<ObservationBucket> days = daily(List.of(copy, meter), Zones.CHINA, "2026-05-10", "2026-05-12");
    assertThat(days.get(0).count()).isEqualTo(1);
    assertThat(days.get(1).count()).isZero();
    assertThat(days.get(1).duplicates()).isEqualTo(1);
  }

  @Test
  @DisplayName("blood pressure gives one bucket per component; pregnancy targets can replace the default range")
  void componentsAndTargets() {
    ObservationType bp = Readings.TYPES.get(ObservationTypes.BLOOD_PRESSURE);
    List<Observation> obs = List.of(
        Readings.sample(FATHER, "blood-pressure", local("2026-05-10T08:00:00", Zones.CHINA), Zones.CHINA, CGM, "mmHg",
            130, 85),
        Readings.sample(FATHER, "blood-pressure", local("2026-05-10T20:00:00", Zones.CHINA), Zones.CHINA, CGM, "mmHg",
            140, 95));
    List<ObservationBucket> buckets = BucketStatistics.of(bp, DedupPolicy.defaults()).compute(
        SeriesColumns.from(obs, bp, SourcePriorities.defaults()), BucketBoundaries.of(Zones.CHINA, BucketSize.DAY,
            local("2026-05-10T00:00:00", Zones.CHINA), local("2026-05-11T00:00:00", Zones.CHINA)));
    assertThat(buckets).extracting(ObservationBucket::component).containsExactly("systolic", "diastolic");
    assertThat(buckets).extracting(ObservationBucket::mean).containsExactly(135.0, 90.0);
    assertThat(buckets.get(0).timeInRange()).isEmpty();

    List<Observation> fasting = List.of(Readings.glucose(FATHER, local("2026-05-10T07:00:00", Zones.CHINA), METER, 5.4));
    BucketStatistics pregnancy = stats.withTarget("value", ValueRange.of(3.3, 5.3));
    assertThat(pregnancy.compute(SeriesColumns.from(fasting, GLUCOSE, SourcePriorities.defaults()),
        BucketBoundaries.of(Zones.CHINA, BucketSize.DAY, local("2026-05-10T00:00:00", Zones.CHINA),
            local("2026-05-11T00:00:00", Zones.CHINA))).get(0).above()).isEqualTo(1);
  }

  @Test
  @DisplayName("steps counted by two sources are totalled per day without double counting, split across midnight")
  void totalsPerDay() {
    ObservationType steps = Readings.TYPES.get(ObservationTypes.STEPS);
    Instant lateEvening = local("2026-05-10T23:30:00", Zones.CHINA);
    List<Observation> records = List.of(
        Readings.total(FATHER, "steps", lateEvening, lateEvening.plusSeconds(3600), Source.app("wechat", "WeChat"), 600),
        Readings.total(FATHER, "steps", lateEvening, lateEvening.plusSeconds(1800), CGM, 400));
    List<ObservationBucket> days = BucketStatistics.of(steps, DedupPolicy.defaults()).totals(
        new TotalsSweep(SourcePriorities.defaults()).sweep(records), BucketBoundaries.of(Zones.CHINA, BucketSize.DAY,
            local("2026-05-10T00:00:00", Zones.CHINA), local("2026-05-12T00:00:00", Zones.CHINA)));
    assertThat(days).extracting(ObservationBucket::sum).containsExactly(400.0, 300.0);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15})
  @DisplayName("the column kernel agrees with a naive computation, whatever the order of the input")
  void agreesWithNaive(long seed) {
    Random random = new Random(seed);
    ZoneId zone = random.nextBoolean() ? Zones.CHINA : NEW_YORK;
    List<Source> sources = List.of(METER, CGM, APP);
    List<Observation> obs = new ArrayList<>();
    Instant t = local("2026-03-01T00:00:00", zone);
    for (int i = 0; i < 2000; i++) {
      t = t.plusSeconds(60 + random.nextInt(3000));
      obs.add(Readings.sample(FATHER, "blood-glucose", t, zone, sources.get(random.nextInt(3)), "mmol/L",
          Math.round((2 + random.nextDouble() * 14) * 10) / 10.0));
    }
    Instant from = local("2026-03-01T00:00:00", zone);
    Instant to = local("2026-05-01T00:00:00", zone);
    BucketBoundaries bounds = BucketBoundaries.of(zone, BucketSize.DAY, from, to);
    // with no duplicates possible (zero window) the kernel must match plain per-day arithmetic
    BucketStatistics plain = BucketStatistics.of(GLUCOSE, DedupPolicy.builder().window(java.time.Duration.ZERO).build());
    List<Observation> shuffled = new ArrayList<>(obs);
    Collections.shuffle(shuffled, random);
    List<ObservationBucket> buckets = plain.compute(SeriesColumns.from(shuffled, GLUCOSE, SourcePriorities.defaults()),
        bounds);
    int checked = 0;
    for (ObservationBucket b : buckets) {
      double[] day = obs.stream().filter(o -> !o.effectiveAt().isBefore(b.start()) && o.effectiveAt().isBefore(b.end()))
          .mapToDouble(Observation::value).sorted().toArray();
      assertThat(b.count()).as("seed %d %s", seed, b.localStart()).isEqualTo(day.length);
      assertThat(b.mean()).as("seed %d", seed).isCloseTo(Arrays.stream(day).average().orElseThrow(), within(1e-9));
      assertThat(b.min()).as("seed %d", seed).isEqualTo(day[0]);
      assertThat(b.max()).as("seed %d", seed).isEqualTo(day[day.length - 1]);
      double h = (day.length - 1) * 0.5;
      double median = day[(int) h] + (h - (int) h) * (day[Math.min((int) h + 1, day.length - 1)] - day[(int) h]);
      assertThat(b.p50()).as("seed %d", seed).isCloseTo(median, within(1e-9));
      assertThat(b.inRange()).as("seed %d", seed)
          .isEqualTo((int) Arrays.stream(day).filter(x -> x >= 3.9 && x <= 10.0).count());
      checked += b.count();
    }
    assertThat(checked).as("seed %d", seed).isEqualTo(obs.size());
    // and with duplicate removal on, shuffling changes nothing
    List<ObservationBucket> deduped = stats.compute(SeriesColumns.from(obs, GLUCOSE, SourcePriorities.defaults()), bounds);
    assertThat(stats.compute(SeriesColumns.from(shuffled, GLUCOSE, SourcePriorities.defaults()), bounds))
        .as("seed %d", seed).isEqualTo(deduped);
  }
}
