package io.kinhealth.family.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.stats.BucketSize;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;

/**
 * Cached buckets per member, type, zone, size and start, so a dashboard reads 90 days of statistics without
 * touching 90 days of readings. Each series (member, type) has a write version: a write either updates the cached
 * buckets it touches in place ({@link #update}: the new readings merged into what the bucket holds) or drops them
 * ({@link #invalidate}); either way the version moves, so a reader that read the store before the write never caches
 * what it computed ({@link #put}). Only buckets whose span, widened by a margin (the duplicate window: a new reading
 * can make a neighbour a duplicate), contains the written time are touched. Not API.
 *
 * @param <V> what a bucket caches
 */
public final class BucketCache<V> {
  /** One cached bucket: its key and span. */
  public record Key(PersonId subject, String type, ZoneId zone, BucketSize size, long start, long end) {}

  private record Series(PersonId subject, String type) {}

  /** A series' write version; also the lock that orders its writers' updates and its readers' puts. */
  private static final class Version {
    long value; // guarded by this
  }

  private final Cache<Key, V> cache;
  private final Map<Series, NavigableMap<Long, Set<Key>>> index = new ConcurrentHashMap<>();
  private final Map<Series, Version> versions = new ConcurrentHashMap<>();
  private final long maxBucketMillis = 32L * 24 * 3600 * 1000; // a month plus a DST hour, rounded up

  /**
   * A cache of at most {@code maximumWeight}, where a bucket weighs what {@code weigher} says (at least 1): buckets
   * that hold their readings weigh by how many, so a month of a CGM is not counted as one entry.
   */
  public BucketCache(long maximumWeight, ToIntFunction<V> weigher) {
    this.cache = Caffeine.newBuilder().maximumWeight(maximumWeight)
        .weigher((Key k, V v) -> Math.max(1, weigher.applyAsInt(v)))
        .removalListener((Key k, V v, RemovalCause cause) -> {
          if (k != null && cause != RemovalCause.REPLACED) {
            unindex(k);
          }
        })
        .executor(Runnable::run)
        .build();
  }

  public V get(Key key) {
    return cache.getIfPresent(key);
  }

  private Version versionOf(PersonId subject, String type) {
    return versions.computeIfAbsent(new Series(subject, type), s -> new Version());
  }

  /** The series' write version: read it before reading the store, pass it to {@link #put}. */
  public long version(PersonId subject, String type) {
    Version v = versionOf(subject, type);
    synchronized (v) {
      return v.value;
    }
  }

  /**
   * Caches what was computed from a read that started at {@code version}; if a write touched the series since, the
   * result may be stale and is dropped (a reader racing a writer never leaves a stale bucket behind).
   */
  public void put(Key key, V value, long version) {
    Version v = versionOf(key.subject(), key.type());
    synchronized (v) {
      if (v.value != version) {
        return;
      }
      index.computeIfAbsent(new Series(key.subject(), key.type()), s -> new ConcurrentSkipListMap<>())
          .computeIfAbsent(key.start(), s -> ConcurrentHashMap.newKeySet()).add(key);
      cache.put(key, value);
    }
  }

  /** Drops every cached bucket of the series whose span overlaps {@code [from - margin, to + margin]}. */
  public int invalidate(PersonId subject, String type, Instant from, Instant to, long marginMillis) {
    return update(subject, type, from.toEpochMilli() - marginMillis, to.toEpochMilli() + marginMillis,
        (k, v) -> null);
  }

  /**
   * Replaces every cached bucket of the series whose span overlaps {@code [lo, hi]} (epoch milliseconds) with what
   * {@code update} makes of it (null drops it), and moves the series' version, all under the series' lock: writers
   * of one series update its buckets one after the other. Returns how many buckets were dropped.
   */
  public int update(PersonId subject, String type, long lo, long hi, BiFunction<Key, V, V> update) {
    Version v = versionOf(subject, type);
    synchronized (v) {
      v.value++;
      NavigableMap<Long, Set<Key>> starts = index.get(new Series(subject, type));
      if (starts == null) {
        return 0;
      }
      List<Key> touched = new ArrayList<>();
      for (Set<Key> keys : starts.subMap(lo - maxBucketMillis, true, hi, true).values()) {
        for (Key k : keys) {
          if (k.end() > lo && k.start() <= hi) {
            touched.add(k);
          }
        }
      }
      int dropped = 0;
      for (Key k : touched) {
        V old = cache.getIfPresent(k);
        V next = old == null ? null : update.apply(k, old);
        if (next == null) {
          cache.invalidate(k);
          dropped += old == null ? 0 : 1;
        } else if (next != old) {
          cache.put(k, next);
        }
      }
      return dropped;
    }
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

  /** How many buckets are cached, after pending evictions ran. */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }
}
