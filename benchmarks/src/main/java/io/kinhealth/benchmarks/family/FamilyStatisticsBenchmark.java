package io.kinhealth.benchmarks.family;

import io.kinhealth.family.dedup.DedupPolicy;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.stats.BucketBoundaries;
import io.kinhealth.family.stats.BucketSize;
import io.kinhealth.family.stats.BucketStatistics;
import io.kinhealth.family.stats.ObservationBucket;
import io.kinhealth.family.stats.SeriesColumns;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Daily statistics of a CGM's glucose readings (1,048,576 rows: one a minute for 662 days plus 10% app copies) in
 * Asia/Shanghai: the SDK's duplicate removal and bucketing on primitive columns, on one thread, side by side with
 * DuckDB computing the same statistics by SQL over the already de-duplicated rows (so DuckDB does less work), on one
 * thread and on all threads. Scores are input readings per second; the agreement of the two answers is checked by
 * {@code FamilyStatisticsAgreementTest}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@State(Scope.Benchmark)
public class FamilyStatisticsBenchmark {
  static final int N = 1_048_576;

  private GlucoseSeries series;
  private BucketStatistics stats;
  private BucketBoundaries days;
  private DuckDbDailyStatistics duckOneThread;
  private DuckDbDailyStatistics duckAllThreads;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    series = GlucoseSeries.generate(N, 42);
    stats = BucketStatistics.of(ObservationTypes.defaults().get(ObservationTypes.BLOOD_GLUCOSE),
        DedupPolicy.defaults());
    days = BucketBoundaries.of(GlucoseSeries.ZONE, BucketSize.DAY, Instant.ofEpochMilli(GlucoseSeries.START),
        Instant.ofEpochMilli(series.end()));
    duckOneThread = new DuckDbDailyStatistics(series, 1);
    duckAllThreads = new DuckDbDailyStatistics(series, Runtime.getRuntime().availableProcessors());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duckOneThread.close();
    duckAllThreads.close();
  }

  /** Duplicate removal plus daily count/min/max/mean/sd/p10/p50/p90/latest/time-in-range, one thread. */
  @Benchmark
  @OperationsPerInvocation(N)
  public List<ObservationBucket> sdkDedupAndDailyStatistics() {
    return stats.compute(SeriesColumns.of(series.at, new double[][] {series.value}, series.source, series.rank,
        series.size), days);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public List<DuckDbDailyStatistics.Day> duckdbDailyStatisticsOneThread() throws SQLException {
    return duckOneThread.daily();
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public List<DuckDbDailyStatistics.Day> duckdbDailyStatisticsAllThreads() throws SQLException {
    return duckAllThreads.daily();
  }
}
