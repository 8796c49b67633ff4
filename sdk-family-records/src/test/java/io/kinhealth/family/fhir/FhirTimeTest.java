package io.kinhealth.family.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FHIR date-times")
class FhirTimeTest {
  private static String format(Instant at, ZoneOffset offset) {
    char[] buf = new char[40];
    return new String(buf, 0, FhirTime.format(at, offset, buf));
  }

  @Test
  @DisplayName("seconds always, fractions only when present, Z for UTC, the reading's own offset otherwise")
  void examples() {
    assertThat(format(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.ofHours(8)))
        .isEqualTo("2026-11-25T10:00:00+08:00");
    assertThat(format(Instant.parse("2024-02-29T23:59:59.120Z"), ZoneOffset.UTC)).isEqualTo("2024-02-29T23:59:59.12Z");
    assertThat(format(Instant.parse("2024-03-01T01:00:00Z"), ZoneOffset.ofHoursMinutes(-3, -30)))
        .isEqualTo("2024-02-29T21:30:00-03:30");
  }

  @Test
  @DisplayName("property: parses back to the same instant and offset (seeded, 100 000 cases)")
  void property() {
    long seed = 8_801L;
    Random random = new Random(seed);
    for (int i = 0; i < 100_000; i++) {
      Instant at = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
          random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(57) - 28) * 1800);
      String text = format(at, offset);
      OffsetDateTime parsed = OffsetDateTime.parse(text);
      assertThat(parsed.toInstant()).as("seed %d: %s", seed, text).isEqualTo(at);
      assertThat(parsed.getOffset()).as("seed %d: %s", seed, text).isEqualTo(offset);
    }
  }
}
