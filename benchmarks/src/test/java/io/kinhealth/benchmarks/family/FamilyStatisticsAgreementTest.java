package io.kinhealth.benchmarks.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kinhealth.family.dedup.DedupPolicy;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.stats.BucketBoundaries;
import io.kinhealth.family.stats.BucketSize;
import io.kinhealth.family.stats.BucketStatistics;
import io.kinhealth.family.stats.ObservationBucket;
import io.kinhealth.family.stats.SeriesColumns;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The benchmark compares equal work: the SDK's daily statistics equal DuckDB's, day by day. */
class FamilyStatisticsAgreementTest {
  @Test
  @DisplayName("the SDK (with duplicate removal) and DuckDB (on the de-duplicated rows) agree on every day")
  void sameAnswers() throws Exception {
    GlucoseSeries series = GlucoseSeries.generate(60_000, 7);
    BucketStatistics stats = BucketStatistics.of(ObservationTypes.defaults().get("blood-glucose"),
        DedupPolicy.defaults());
    List<ObservationBucket> sdk = stats.compute(SeriesColumns.of(series.at.clone(), new double[][] {
        series.value.clone()}, series.source.clone(), series.rank.clone(), series.size),
        BucketBoundaries.of(GlucoseSeries.ZONE, BucketSize.DAY, Instant.ofEpochMilli(GlucoseSeries.START),
            Instant.ofEpochMilli(series.end())));
    List<DuckDbDailyStatistics.Day> duck;
    try (DuckDbDailyStatistics db = new DuckDbDailyStatistics(series, 1)) {
      duck = db.daily();
    }
    assertThat(duck).hasSize(sdk.size());
    for (int i = 0; i < sdk.size(); i++) {
      ObservationBucket s = sdk.get(i);
      DuckDbDailyStatistics.Day d = duck.get(i);
      assertThat(d.day()).isEqualTo(s.localStart());
      assertThat(d.count()).isEqualTo(s.count());
      assertThat(d.min()).isEqualTo(s.min());
      assertThat(d.max()).isEqualTo(s.max());
      assertThat(d.mean()).isCloseTo(s.mean(), within(1e-9));
      assertThat(d.sd()).isCloseTo(s.sd(), within(1e-9));
      assertThat(d.p10()).isCloseTo(s.p10(), within(1e-9));
      assertThat(d.p50()).isCloseTo(s.p50(), within(1e-9));
      assertThat(d.p90()).isCloseTo(s.p90(), within(1e-9));
      assertThat(d.latest()).isEqualTo(s.latest());
      assertThat(d.below()).isEqualTo(s.below());
      assertThat(d.inRange()).isEqualTo(s.inRange());
      assertThat(d.above()).isEqualTo(s.above());
    }
    assertThat(sdk.stream().mapToInt(ObservationBucket::duplicates).sum()).isEqualTo(series.size - series.kept.length);
  }
}
