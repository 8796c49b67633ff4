package io.kinhealth.family.stats;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dedup.DedupPolicy;
import io.kinhealth.family.dedup.TotalSegment;
import io.kinhealth.family.internal.BucketKernel;
import io.kinhealth.family.internal.DedupKernel;
import io.kinhealth.family.observation.Aggregation;
import io.kinhealth.family.observation.ComponentType;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.observation.ValueRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes per-bucket statistics of one type: count, min, max, mean, standard deviation, p10/p50/p90, latest and
 * time in range, after removing duplicates (see {@link io.kinhealth.family.dedup.VitalSignDeduplicator}).
 *
 * <p>Buckets come from {@link BucketBoundaries} (exact instants in the member's zone), so a 23- or 25-hour
 * daylight-saving day holds exactly the readings of that local day and readings either side of local midnight land
 * on their own local dates. Only non-empty buckets are returned, in time order, components of one bucket together.
 * Target ranges for time in range default to each component's {@link ComponentType#targetRange()} (glucose 3.9-10.0
 * mmol/L) and can be overridden. Immutable and thread-safe.
 */
public final class BucketStatistics {
  private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[1024]);

  private final ObservationType type;
  private final DedupPolicy policy;
  private final Map<String, ValueRange> targets;

  private BucketStatistics(ObservationType type, DedupPolicy policy, Map<String, ValueRange> targets) {
    this.type = type;
    this.policy = policy;
    this.targets = Map.copyOf(targets);
  }

  /** Statistics of {@code type} with the default target ranges. */
  public static BucketStatistics of(ObservationType type, DedupPolicy policy) {
    Check.notNull(type, "type");
    Check.notNull(policy, "policy");
    Map<String, ValueRange> targets = new HashMap<>();
    for (ComponentType c : type.components()) {
      c.knownTargetRange().ifPresent(r -> targets.put(c.key(), r));
    }
    return new BucketStatistics(type, policy, targets);
  }

  /** A copy using {@code range} as the target range of {@code component} (e.g. pregnancy glucose targets). */
  public BucketStatistics withTarget(String component, ValueRange range) {
    type.component(component);
    Map<String, ValueRange> t = new HashMap<>(targets);
    t.put(component, Check.notNull(range, "range"));
    return new BucketStatistics(type, policy, t);
  }

  public ObservationType type() {
    return type;
  }

  /** Statistics of a sample type's columns per bucket. */
  public List<ObservationBucket> compute(SeriesColumns cols, BucketBoundaries bounds) {
    Check.notNull(cols, "columns");
    Check.notNull(bounds, "bounds");
    if (type.aggregation() != Aggregation.SAMPLE) { // messages built only on failure: this runs per bucket read
      throw new ValidationException("type", "stats.not_a_sample_type", type.key() + " is a total: use totals(...)");
    }
    if (cols.components() != type.components().size()) {
      throw new ValidationException("columns", "stats.components", "the columns hold " + cols.components()
          + " component(s), " + type.key() + " has " + type.components().size());
    }
    int[] dominator = dominators(cols, policy.tolerances(type), policy.window().toMillis());
    double[] scratch = SCRATCH.get();
    if (scratch.length < cols.size) {
      scratch = new double[Math.max(cols.size, scratch.length * 2)];
      SCRATCH.set(scratch);
    }
    List<ObservationBucket> out = new ArrayList<>();
    List<ComponentType> components = type.components();
    for (int c = 0; c < components.size(); c++) {
      ComponentType component = components.get(c);
      ValueRange target = targets.get(component.key());
      double low = target == null ? Double.NEGATIVE_INFINITY : target.low();
      double high = target == null ? Double.POSITIVE_INFINITY : target.high();
      boolean hasTarget = target != null;
      BucketKernel.compute(cols.at, cols.values[c], dominator, cols.size, bounds.raw(), bounds.count(), low, high,
          scratch, (b, count, min, max, mean, sd, p10, p50, p90, latestAt, latest, below, in, above, dups) ->
              out.add(new ObservationBucket(type.key(), component.key(), bounds.start(b), bounds.end(b),
                  bounds.localStart(b), count, min, max, mean, sd, p10, p50, p90, count == 0 ? 0 : mean * count,
                  count == 0 ? null : Instant.ofEpochMilli(latestAt), latest, hasTarget ? below : 0,
                  hasTarget ? in : 0, hasTarget ? above : 0, dups)));
    }
    if (components.size() > 1) {
      out.sort(java.util.Comparator.comparing(ObservationBucket::start)
          .thenComparingInt(b -> indexOf(components, b.component())));
    }
    return out;
  }

  private static int indexOf(List<ComponentType> components, String key) {
    for (int i = 0; i < components.size(); i++) {
      if (components.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** Totals per bucket from a sweep's segments; a segment straddling a boundary is split pro rata to time. */
  public List<ObservationBucket> totals(List<TotalSegment> segments, BucketBoundaries bounds) {
    Check.noNulls(segments, "segments");
    Check.notNull(bounds, "bounds");
    long[] raw = bounds.raw();
    int buckets = bounds.count();
    double[] sums = new double[buckets];
    int[] counts = new int[buckets];
    long[] latestAt = new long[buckets];
    java.util.Arrays.fill(latestAt, Long.MIN_VALUE);
    for (TotalSegment s : segments) {
      long from = s.start().toEpochMilli();
      long to = s.end().toEpochMilli();
      for (int b = bucketOf(raw, buckets, from); b >= 0 && b < buckets && raw[b] <= Math.max(from, to - 1); b++) {
        long lo = Math.max(from, raw[b]);
        long hi = Math.min(to, raw[b + 1]);
        if (to == from) {
          sums[b] += s.value();
        } else if (hi > lo) {
          sums[b] += s.value() * (hi - lo) / (double) (to - from);
        } else {
          continue;
        }
        counts[b]++;
        latestAt[b] = Math.max(latestAt[b], Math.min(to, raw[b + 1]));
        if (to == from) {
          break;
        }
      }
    }
    List<ObservationBucket> out = new ArrayList<>();
    String component = type.components().get(0).key();
    for (int b = 0; b < buckets; b++) {
      if (counts[b] > 0) {
        out.add(new ObservationBucket(type.key(), component, bounds.start(b), bounds.end(b), bounds.localStart(b),
            counts[b], Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, sums[b],
            Instant.ofEpochMilli(latestAt[b]), sums[b], 0, 0, 0, 0));
      }
    }
    return out;
  }

  private static int bucketOf(long[] raw, int buckets, long t) {
    if (t < raw[0]) {
      return 0;
    }
    int idx = java.util.Arrays.binarySearch(raw, 0, buckets + 1, t);
    return idx >= 0 ? idx : -idx - 2;
  }

  /** Which rows of {@code cols} are duplicates: the index of each row's best dominating row, or -1 where kept. */
  public static int[] dominators(SeriesColumns cols, double[] tolerances, long windowMillis) {
    Check.notNull(cols, "columns");
    Check.that(tolerances != null && tolerances.length == cols.components(), "tolerances", "stats.components",
        "one tolerance per component");
    int[] dominator = new int[cols.size];
    DedupKernel.dominate(cols.at, cols.values, tolerances, cols.source, cols.rank, cols.size, windowMillis, dominator);
    return dominator;
  }
}
