package io.kinhealth.family;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.dedup.DedupPolicy;
import io.kinhealth.family.dedup.TotalsSweep;
import io.kinhealth.family.internal.BucketCache;
import io.kinhealth.family.observation.Aggregation;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.spi.ObservationStore;
import io.kinhealth.family.stats.BucketBoundaries;
import io.kinhealth.family.stats.BucketSize;
import io.kinhealth.family.stats.BucketStatistics;
import io.kinhealth.family.stats.ObservationBucket;
import io.kinhealth.family.stats.SeriesColumns;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Bucket statistics per member and type, cached per bucket together with the readings behind each bucket (for a
 * sample type the bucket's readings plus the duplicate window either side, as primitive columns; for a total the
 * records that can reach into it). A write made here merges its readings into the cached buckets it touches, whose
 * statistics are then recomputed from those readings on the next read: the store is not read again, and the result
 * equals a full recompute (each bucket is always computed from exactly its own readings, the same way). Writes made
 * elsewhere (another node's event) drop the buckets instead. Thread-safe.
 */
final class SeriesStatistics {
  /** Above this many readings per series, a write drops the buckets it touches instead of merging into them. */
  static final int MERGE_LIMIT = 2_000;
  /** How many readings a cached bucket holds per unit of the cache size. */
  static final int READINGS_PER_UNIT = 64;

  /** A cached bucket: its readings and, once asked for, its statistics. */
  private static final class Cached {
    final BucketBoundaries bounds; // this bucket alone
    final SeriesColumns columns; // sample types
    final List<Observation> records; // total types
    volatile List<ObservationBucket> statistics;

    Cached(BucketBoundaries bounds, SeriesColumns columns, List<Observation> records,
        List<ObservationBucket> statistics) {
      this.bounds = bounds;
      this.columns = columns;
      this.records = records;
      this.statistics = statistics;
    }
  }

  private final ObservationStore store;
  private final DedupPolicy dedup;
  private final BucketCache<Cached> cache;
  private final Map<String, BucketStatistics> statistics = new HashMap<>();
  private final long window;
  private final long maxTotal;

  SeriesStatistics(ObservationStore store, ObservationTypes types, DedupPolicy dedup, long cacheSize) {
    this.store = store;
    this.dedup = dedup;
    this.cache = new BucketCache<>(cacheSize, SeriesStatistics::weight);
    this.window = dedup.window().toMillis();
    this.maxTotal = ObservationService.MAX_TOTAL_PERIOD.toMillis();
    for (ObservationType t : types.all()) {
      statistics.put(t.key(), BucketStatistics.of(t, dedup));
    }
  }

  /**
   * A cached bucket weighs one per {@value #READINGS_PER_UNIT} readings it holds (at least one), so the cache size
   * bounds the readings kept on the heap as well as the buckets.
   */
  static int weight(Cached c) {
    int readings = c.columns != null ? c.columns.size() : c.records.size();
    return 1 + readings / READINGS_PER_UNIT;
  }

  /** The series' write version: it moves with every write to the member's readings of the type. */
  long version(PersonId subject, String type) {
    return cache.version(subject, type);
  }

  /** Statistics over precomputed boundaries, from the cache where it holds them. */
  List<ObservationBucket> statistics(PersonId subject, ObservationType t, BucketBoundaries bounds) {
    ZoneId zone = bounds.zone();
    BucketSize size = bounds.size();
    List<ObservationBucket> out = new ArrayList<>();
    int b = 0;
    while (b < bounds.count()) {
      Cached hit = cache.get(key(subject, t, zone, size, bounds, b));
      if (hit != null) {
        out.addAll(statisticsOf(t, hit));
        b++;
        continue;
      }
      int runEnd = b + 1; // compute the whole run of missing buckets from one range read
      while (runEnd < bounds.count() && cache.get(key(subject, t, zone, size, bounds, runEnd)) == null) {
        runEnd++;
      }
      out.addAll(compute(subject, t, bounds, b, runEnd));
      b = runEnd;
    }
    return out;
  }

  private List<ObservationBucket> statisticsOf(ObservationType t, Cached c) {
    List<ObservationBucket> s = c.statistics;
    if (s == null) { // merged readings since last computed: recompute this bucket from what it holds
      BucketStatistics stats = statistics.get(t.key());
      s = List.copyOf(t.aggregation() == Aggregation.TOTAL
          ? stats.totals(new TotalsSweep(dedup.priorities()).sweep(c.records), c.bounds)
          : stats.compute(c.columns, c.bounds));
      c.statistics = s;
    }
    return s;
  }

  private List<ObservationBucket> compute(PersonId subject, ObservationType t, BucketBoundaries bounds, int first,
      int end) {
    BucketBoundaries run = bounds.slice(first, end);
    long start = run.start(0).toEpochMilli();
    long stop = run.end(run.count() - 1).toEpochMilli();
    long version = cache.version(subject, t.key());
    BucketStatistics stats = statistics.get(t.key());
    List<ObservationBucket> out = new ArrayList<>();
    if (t.aggregation() == Aggregation.TOTAL) {
      List<Observation> records;
      try (Stream<Observation> s = store.stream(subject, t.key(), Instant.ofEpochMilli(start - maxTotal),
          Instant.ofEpochMilli(stop), ObservationService.PAGE)) {
        records = s.toList();
      }
      TotalsSweep sweep = new TotalsSweep(dedup.priorities());
      for (int b = 0; b < run.count(); b++) { // each bucket from exactly its own records, as a merge recomputes it
        BucketBoundaries one = run.slice(b, b + 1);
        List<Observation> mine = reaching(records, one.start(0).toEpochMilli(), one.end(0).toEpochMilli());
        List<ObservationBucket> computed = List.copyOf(stats.totals(sweep.sweep(mine), one));
        cache.put(key(subject, t, bounds.zone(), bounds.size(), bounds, first + b), new Cached(one, null, mine,
            computed), version);
        out.addAll(computed);
      }
      return out;
    }
    List<Observation> readings;
    try (Stream<Observation> s = store.stream(subject, t.key(), Instant.ofEpochMilli(start - window),
        Instant.ofEpochMilli(stop + window + 1), ObservationService.PAGE)) {
      readings = s.toList();
    }
    SeriesColumns columns = SeriesColumns.from(readings, t, dedup.priorities());
    List<ObservationBucket> computed = stats.compute(columns, run); // one pass; a bucket needs only its window
    int c = 0;
    for (int b = 0; b < run.count(); b++) {
      long from = run.start(b).toEpochMilli();
      List<ObservationBucket> mine = new ArrayList<>(t.components().size());
      while (c < computed.size() && computed.get(c).start().toEpochMilli() == from) {
        mine.add(computed.get(c++));
      }
      long to = run.end(b).toEpochMilli();
      cache.put(key(subject, t, bounds.zone(), bounds.size(), bounds, first + b), new Cached(run.slice(b, b + 1),
          columns.slice(from - window, to + window + 1), null, List.copyOf(mine)), version);
    }
    return computed;
  }

  /** The records that can count in {@code [start, end)}: starting at most a day before, ending after its start. */
  private List<Observation> reaching(List<Observation> records, long start, long end) {
    List<Observation> out = new ArrayList<>();
    for (Observation o : records) {
      long at = o.effectiveAt().toEpochMilli();
      long until = o.effectiveEnd().toEpochMilli();
      if (at >= start - maxTotal && at < end && (until > start || until == at)) {
        out.add(o);
      }
    }
    return out;
  }

  /**
   * Readings of one series were stored here: merges them into the cached buckets they touch (so the next read
   * recomputes those buckets from memory), or for a large batch drops those buckets. {@code rows} holds all
   * {@code count} readings when there are at most {@link #MERGE_LIMIT}; past that it may hold only some.
   */
  void written(PersonId subject, ObservationType t, List<Observation> rows, int count, long from, long to) {
    boolean total = t.aggregation() == Aggregation.TOTAL;
    long margin = total ? maxTotal : window;
    if (count > MERGE_LIMIT) {
      cache.update(subject, t.key(), from - margin - 1, to + margin, (k, v) -> null);
      return;
    }
    cache.update(subject, t.key(), from - margin - 1, to + margin, (k, cached) -> {
      if (total) {
        List<Observation> more = reaching(rows, k.start(), k.end());
        if (more.isEmpty()) {
          return cached;
        }
        List<Observation> records = new ArrayList<>(cached.records);
        for (Observation o : more) {
          if (!containsId(records, o)) {
            records.add(o);
          }
        }
        return new Cached(cached.bounds, null, records, null);
      }
      List<Observation> more = new ArrayList<>();
      for (Observation o : rows) {
        long at = o.effectiveAt().toEpochMilli();
        if (at >= k.start() - window && at <= k.end() + window) {
          more.add(o);
        }
      }
      if (more.isEmpty()) {
        return cached;
      }
      SeriesColumns merged = cached.columns.with(more, t, dedup.priorities());
      return merged == cached.columns ? cached : new Cached(cached.bounds, merged, null, null);
    });
  }

  private static boolean containsId(List<Observation> records, Observation o) {
    for (Observation r : records) {
      if (r.id().equals(o.id())) {
        return true;
      }
    }
    return false;
  }

  /** Readings were stored elsewhere (another node): drops the cached buckets their span touches. */
  void invalidate(PersonId subject, ObservationType t, Instant from, Instant to) {
    long margin = t.aggregation() == Aggregation.TOTAL ? maxTotal : window;
    cache.invalidate(subject, t.key(), from, to, margin + 1);
  }

  private static BucketCache.Key key(PersonId subject, ObservationType t, ZoneId zone, BucketSize size,
      BucketBoundaries bounds, int b) {
    return new BucketCache.Key(subject, t.key(), zone, size, bounds.start(b).toEpochMilli(),
        bounds.end(b).toEpochMilli());
  }
}
