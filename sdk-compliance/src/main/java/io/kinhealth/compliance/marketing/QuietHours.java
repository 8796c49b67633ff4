package io.kinhealth.compliance.marketing;

import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily period, in the recipient's own zone, when no marketing is sent. The default 21:00–08:00 follows common
 * practice for SMS marketing in China (carriers and the 通信短信息服务管理规定 guidance discourage night sends);
 * it is a configurable default, not a figure from a statute. {@code start == end} means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {
  public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
  public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

  public QuietHours {
    Check.notNull(start, "start");
    Check.notNull(end, "end");
  }

  /** Whether {@code time} falls within the quiet period ({@code start} inclusive, {@code end} exclusive). */
  public boolean contains(LocalTime time) {
    if (start.equals(end)) {
      return false;
    }
    return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
        : !time.isBefore(start) || time.isBefore(end);
  }

  /** The instant quiet hours end, if {@code at} lies within them in {@code zone}; otherwise {@code at}. */
  public Instant endAfter(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    if (!contains(local.toLocalTime())) {
      return at;
    }
    ZonedDateTime end = local.with(this.end);
    if (!end.isAfter(local)) {
      end = local.plusDays(1).with(this.end);
    }
    return end.toInstant();
  }
}
