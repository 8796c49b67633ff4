package io.kinhealth.family.stats;

import io.kinhealth.core.validation.Check;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The exact instants at which buckets start, in a zone: the first bucket contains {@code from}, the last contains the
 * instant just before {@code to}. Boundaries are local calendar starts resolved in the zone (a day that begins with
 * a daylight-saving gap starts at the first valid instant), so bucket lengths follow the zone's rules.
 */
public final class BucketBoundaries {
  private final ZoneId zone;
  private final BucketSize size;
  private final long[] starts; // epoch millis; length = buckets + 1 (the last is the end of the last bucket)

  private BucketBoundaries(ZoneId zone, BucketSize size, long[] starts) {
    this.zone = zone;
    this.size = size;
    this.starts = starts;
  }

  /** Buckets of {@code size} in {@code zone} covering {@code [from, to)}; at most 100,000 buckets. */
  public static BucketBoundaries of(ZoneId zone, BucketSize size, Instant from, Instant to) {
    Check.notNull(zone, "zone");
    Check.notNull(size, "size");
    Check.notNull(from, "from");
    Check.notNull(to, "to");
    Check.that(from.isBefore(to), "to", "range.empty", "to must be after from");
    ZonedDateTime start = startOf(from.atZone(zone), size);
    long[] buf = new long[16];
    int n = 0;
    ZonedDateTime cursor = start;
    while (true) {
      if (n == buf.length) {
        Check.that(n <= 100_000, "to", "range.too_many_buckets", "at most 100,000 buckets per request");
        buf = java.util.Arrays.copyOf(buf, n * 2);
      }
      buf[n++] = cursor.toInstant().toEpochMilli();
      if (!cursor.toInstant().isBefore(to)) {
        break;
      }
      cursor = next(cursor, size, zone);
    }
    return new BucketBoundaries(zone, size, java.util.Arrays.copyOf(buf, n));
  }

  /** The start of the bucket containing {@code t}. */
  static ZonedDateTime startOf(ZonedDateTime t, BucketSize size) {
    ZoneId zone = t.getZone();
    LocalDateTime local = t.toLocalDateTime();
    return switch (size) {
      case HOUR -> {
        // truncate the instant in its own offset: the two 01:00 hours of a fall-back night stay separate buckets
        ZonedDateTime hour = t.truncatedTo(ChronoUnit.HOURS);
        yield hour;
      }
      case DAY -> local.toLocalDate().atStartOfDay(zone);
      case WEEK -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
      case MONTH -> local.toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
    };
  }

  private static ZonedDateTime next(ZonedDateTime start, BucketSize size, ZoneId zone) {
    LocalDate day = start.toLocalDate();
    return switch (size) {
      case HOUR -> start.plusHours(1).truncatedTo(ChronoUnit.HOURS);
      case DAY -> day.plusDays(1).atStartOfDay(zone);
      case WEEK -> day.plusWeeks(1).atStartOfDay(zone);
      case MONTH -> day.plusMonths(1).withDayOfMonth(1).atStartOfDay(zone);
    };
  }

  /** The buckets {@code first} to {@code end - 1} of these boundaries (no zone arithmetic: the instants are kept). */
  public BucketBoundaries slice(int first, int end) {
    Check.that(first >= 0 && first < end && end <= count(), "end", "range.empty", "a slice holds at least one bucket");
    return new BucketBoundaries(zone, size, java.util.Arrays.copyOfRange(starts, first, end + 1));
  }

  public ZoneId zone() {
    return zone;
  }

  public BucketSize size() {
    return size;
  }

  /** How many buckets. */
  public int count() {
    return starts.length - 1;
  }

  public Instant start(int bucket) {
    return Instant.ofEpochMilli(starts[bucket]);
  }

  public Instant end(int bucket) {
    return Instant.ofEpochMilli(starts[bucket + 1]);
  }

  /** The local date-time at which a bucket starts, in the zone. */
  public LocalDateTime localStart(int bucket) {
    return LocalDateTime.ofInstant(start(bucket), zone);
  }

  long[] raw() {
    return starts;
  }
}
