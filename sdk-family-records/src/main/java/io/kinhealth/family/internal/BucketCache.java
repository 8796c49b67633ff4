package io.kinhealth.family.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.stats.BucketSize;
import io.kinhealth.family.stats.ObservationBucket;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Computed buckets per member, type, zone, size and start, so a dashboard reads 90 days of statistics without
 * touching 90 days of readings. A write invalidates only the buckets whose span (widened by the duplicate window,
 * since a new reading can make a neighbour a duplicate) contains the written time: late or out-of-order data
 * recomputes exactly the buckets it touches. Not API.
 */
public final class BucketCache {
  /** One cached bucket: its key and span. */
  public record Key(PersonId subject, String type, ZoneId zone, BucketSize size, long start, long end) {}

  private record Series(PersonId subject, String type) {}

  private final Cache<Key, List<ObservationBucket>> cache;
  private final Map<Series, NavigableMap<Long, Set<Key>>> index = new ConcurrentHashMap<>();
  private final Map<Series, java.util.concurrent.atomic.AtomicLong> versions = new ConcurrentHashMap<>();
  private final long maxBucketMillis = 32L * 24 * 3600 * 1000; // a month plus a DST hour, rounded up

  public BucketCache(long maximumSize) {
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize)
        .removalListener((Key k, List<ObservationBucket> v, RemovalCause cause) -> {
          if (k != null && cause != RemovalCause.REPLACED) {
            unindex(k);
          }
        })
        .executor(Runnable::run)
        .build();
  }

  public List<ObservationBucket> get(Key key) {
    return cache.getIfPresent(key);
  }

  /** The series' write version: read it before reading the store, pass it to {@link #put}. */
  public long version(PersonId subject, String type) {
    return versions.computeIfAbsent(new Series(subject, type), s -> new java.util.concurrent.atomic.AtomicLong())
        .get();
  }

  /**
   * Caches buckets computed from a read that started at {@code version}; if a write invalidated the series since,
   * the result may be stale and is dropped (a reader racing a writer never leaves stale buckets behind).
   */
  public void put(Key key, List<ObservationBucket> buckets, long version) {
    Series series = new Series(key.subject(), key.type());
    index.computeIfAbsent(series, s -> new ConcurrentSkipListMap<>())
        .computeIfAbsent(key.start(), s -> ConcurrentHashMap.newKeySet()).add(key);
    cache.put(key, List.copyOf(buckets));
    if (version(key.subject(), key.type()) != version) {
      cache.invalidate(key);
    }
  }

  /** Drops every cached bucket of the series whose span overlaps {@code [from - margin, to + margin]}. */
  public int invalidate(PersonId subject, String type, Instant from, Instant to, long marginMillis) {
    versions.computeIfAbsent(new Series(subject, type), s -> new java.util.concurrent.atomic.AtomicLong())
        .incrementAndGet();
    NavigableMap<Long, Set<Key>> starts = index.get(new Series(subject, type));
    if (starts == null) {
      return 0;
    }
    long lo = from.toEpochMilli() - marginMillis;
    long hi = to.toEpochMilli() + marginMillis;
    int dropped = 0;
    for (Set<Key> keys : starts.subMap(lo - maxBucketMillis, true, hi, true).values()) {
      for (Key k : keys) {
        if (k.end() > lo && k.start() <= hi) {
          cache.invalidate(k);
          dropped++;
        }
      }
    }
    return dropped;
  }

  private void unindex(Key k) {
    NavigableMap<Long, Set<Key>> starts = index.get(new Series(k.subject(), k.type()));
    if (starts != null) {
      Set<Key> keys = starts.get(k.start());
      if (keys != null) {
        keys.remove(k);
        if (keys.isEmpty()) {
          starts.remove(k.start(), keys);
        }
      }
    }
  }

  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }
}
