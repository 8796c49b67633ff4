package io.kinhealth.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UuidV7IdGeneratorTest {
  @Test
  @DisplayName("makes RFC 9562 version-7 UUIDs whose first 48 bits are the clock's milliseconds")
  void version7() {
    Instant now = Instant.parse("2026-11-25T09:00:00.123Z");
    UuidV7IdGenerator ids = new UuidV7IdGenerator(Clock.fixed(now, ZoneOffset.UTC), new Random(1));
    String id = ids.newId();
    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    UUID uuid = UUID.fromString(id);
    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).isEqualTo(2);
    assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
  }

  @Test
  @DisplayName("stays strictly increasing with a frozen clock, a counter overflow and a clock that goes back")
  void monotonic() {
    Instant[] now = {Instant.parse("2026-11-25T09:00:00Z")};
    Clock clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now[0];
      }
    };
    UuidV7IdGenerator ids = new UuidV7IdGenerator(clock, new Random(7));
    String previous = ids.newId();
    for (int i = 0; i < 20_000; i++) { // far more than 4096 per millisecond
      if (i == 10_000) {
        now[0] = now[0].minusSeconds(5);
      }
      String next = ids.newId();
      assertThat(next).as("id %d", i).isGreaterThan(previous);
      previous = next;
    }
  }
}
