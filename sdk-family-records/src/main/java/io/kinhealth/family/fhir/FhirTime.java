package io.kinhealth.family.fhir;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Formats an instant at an offset as a FHIR {@code dateTime}/{@code instant}: {@code 2026-11-25T10:00:00+08:00},
 * fractional seconds only when present (trailing zeros dropped), {@code Z} for UTC. Written into a caller's buffer
 * without allocating, because an export writes one per observation.
 */
final class FhirTime {
  private FhirTime() {}

  /** Writes into {@code out} (at least 35 chars) and returns the length. */
  static int format(Instant at, ZoneOffset offset, char[] out) {
    int offsetSeconds = offset.getTotalSeconds();
    long local = at.getEpochSecond() + offsetSeconds;
    long days = Math.floorDiv(local, 86_400);
    int secondOfDay = (int) Math.floorMod(local, 86_400);
    LocalDateTime date = null;
    int year;
    int month;
    int day;
    if (days >= -719_162 && days < 2_932_897) { // 0001-01-01 .. 9999-12-31
      long[] ymd = civil(days);
      year = (int) ymd[0];
      month = (int) ymd[1];
      day = (int) ymd[2];
    } else {
      date = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
      year = date.getYear();
      month = date.getMonthValue();
      day = date.getDayOfMonth();
    }
    int p = 0;
    p = digits(out, p, year, 4);
    out[p++] = '-';
    p = digits(out, p, month, 2);
    out[p++] = '-';
    p = digits(out, p, day, 2);
    out[p++] = 'T';
    p = digits(out, p, secondOfDay / 3600, 2);
    out[p++] = ':';
    p = digits(out, p, (secondOfDay / 60) % 60, 2);
    out[p++] = ':';
    p = digits(out, p, secondOfDay % 60, 2);
    int nanos = at.getNano();
    if (nanos != 0) {
      out[p++] = '.';
      int width = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        width--;
      }
      p = digits(out, p, nanos, width);
    }
    if (offsetSeconds == 0) {
      out[p++] = 'Z';
    } else {
      int abs = Math.abs(offsetSeconds);
      out[p++] = offsetSeconds < 0 ? '-' : '+';
      p = digits(out, p, abs / 3600, 2);
      out[p++] = ':';
      p = digits(out, p, (abs / 60) % 60, 2);
    }
    return p;
  }

  private static int digits(char[] out, int p, int value, int width) {
    for (int i = width - 1; i >= 0; i--) {
      out[p + i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return p + width;
  }

  /** Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar (H. Hinnant's algorithm). */
  private static long[] civil(long days) {
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    return new long[] {m <= 2 ? y + 1 : y, m, d};
  }
}
