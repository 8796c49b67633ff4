package io.kinhealth.family.stats;

import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Statistics of one component of one type over one bucket (an hour, a day, a week or a month in the member's zone).
 *
 * <p>Duplicates are removed first (and counted in {@code duplicates}); summaries imported from other systems are
 * not counted. {@code sd} is the sample standard deviation (NaN for fewer than two readings); percentiles use
 * linear interpolation between closest ranks (R-7, as numpy and DuckDB's {@code quantile_cont}); time in range counts
 * readings in the closed target range ({@code below}/{@code inRange}/{@code above}), all zero when the type has no
 * target range. A bucket with only duplicates has {@code count} 0 and NaN statistics. For counted types (steps)
 * {@code sum} is the total, pro-rated where a record straddles the bucket's edge. Health values: not in
 * {@code toString}.
 */
public record ObservationBucket(
    String type,
    String component,
    Instant start,
    Instant end,
    LocalDateTime localStart,
    int count,
    double min,
    double max,
    double mean,
    double sd,
    double p10,
    double p50,
    double p90,
    double sum,
    Instant latestAt,
    double latest,
    int below,
    int inRange,
    int above,
    int duplicates) {

  public ObservationBucket {
    Check.notBlank(type, "type");
    Check.notBlank(component, "component");
    Check.notNull(start, "start");
    Check.notNull(end, "end");
    Check.notNull(localStart, "localStart");
  }

  /** The length of the bucket in hours (23 or 25 on daylight-saving days). */
  public double hours() {
    return (end.toEpochMilli() - start.toEpochMilli()) / 3_600_000.0;
  }

  /** The share of readings in the target range, 0 to 1, if there were readings and a target range. */
  public Optional<Double> timeInRange() {
    int total = below + inRange + above;
    return total == 0 || count == 0 ? Optional.empty() : Optional.of(inRange / (double) total);
  }

  public Optional<Instant> knownLatestAt() {
    return Optional.ofNullable(latestAt);
  }

  @Override
  public String toString() {
    return "ObservationBucket[" + type + "/" + component + " " + localStart + " n=" + count + "]";
  }
}
