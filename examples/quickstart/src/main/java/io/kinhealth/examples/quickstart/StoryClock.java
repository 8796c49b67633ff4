package io.kinhealth.examples.quickstart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the quickstart's story moves forward by hand (a week until a refund window closes, four hours between two
 * blood-pressure readings), so every chapter prints the same lines on every run. A view in another zone reads the
 * same instant.
 */
final class StoryClock extends Clock {
  private final Instant[] now;
  private final ZoneId zone;

  StoryClock(Instant start) {
    this(new Instant[] {start}, ZoneOffset.UTC);
  }

  private StoryClock(Instant[] now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** Moves this clock, and every zone view of it, forward. */
  void advance(Duration d) {
    synchronized (now) {
      now[0] = now[0].plus(d);
    }
  }

  @Override
  public Instant instant() {
    synchronized (now) {
      return now[0];
    }
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new StoryClock(now, zone);
  }
}
