package io.kinhealth.family.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.model.Zones;
import io.kinhealth.family.stats.BucketSize;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BucketCacheTest {
  private static final PersonId MEMBER = PersonId.of("p-cache");
  private static final long HOUR = 3_600_000L;

  private static BucketCache.Key hour(int h) {
    return new BucketCache.Key(MEMBER, "blood-glucose", Zones.CHINA, BucketSize.HOUR, h * HOUR, (h + 1) * HOUR);
  }

  @Test
  @DisplayName("the cache is bounded by the weight of what its buckets hold, not by how many buckets there are")
  void boundedByWeight() {
    BucketCache<Integer> light = new BucketCache<>(10, v -> v);
    BucketCache<Integer> heavy = new BucketCache<>(10, v -> v);
    for (int h = 0; h < 10; h++) {
      light.put(hour(h), 1, light.version(MEMBER, "blood-glucose"));
      heavy.put(hour(h), 4, heavy.version(MEMBER, "blood-glucose"));
    }
    assertThat(light.size()).isEqualTo(10);
    assertThat(heavy.size()).isLessThanOrEqualTo(2);
  }

  @Test
  @DisplayName("a bucket read before a write to its series is not cached after it")
  void staleReadIsDropped() {
    BucketCache<Integer> cache = new BucketCache<>(100, v -> 1);
    long before = cache.version(MEMBER, "blood-glucose");
    cache.invalidate(MEMBER, "blood-glucose", Instant.ofEpochMilli(0), Instant.ofEpochMilli(1), 0);
    cache.put(hour(0), 7, before);
    assertThat(cache.get(hour(0))).isNull();
    cache.put(hour(0), 7, cache.version(MEMBER, "blood-glucose"));
    assertThat(cache.get(hour(0))).isEqualTo(7);
  }
}
