package io.kinhealth.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A {@link Clock} that tests move by hand, so time-dependent behaviour (expiry, birthdays, quiet hours, back-off)
 * is tested without sleeping. Thread-safe; every view made with {@link #withZone} shares the same instant.
 */
public final class MutableClock extends Clock {
  private final Object lock;
  private final Instant[] now;
  private final ZoneId zone;

  private MutableClock(Object lock, Instant[] now, ZoneId zone) {
    this.lock = lock;
    this.now = now;
    this.zone = zone;
  }

  /** A clock at {@code instant} in {@code zone}. */
  public static MutableClock at(Instant instant, ZoneId zone) {
    return new MutableClock(new Object(), new Instant[] {Objects.requireNonNull(instant)}, zone);
  }

  /** A clock at the given local date-time in {@code zone}. */
  public static MutableClock at(ZonedDateTime time) {
    return at(time.toInstant(), time.getZone());
  }

  /** A clock at {@code instant} in UTC. */
  public static MutableClock at(Instant instant) {
    return at(instant, ZoneId.of("UTC"));
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public MutableClock withZone(ZoneId newZone) {
    return new MutableClock(lock, now, newZone);
  }

  @Override
  public Instant instant() {
    synchronized (lock) {
      return now[0];
    }
  }

  /** Moves the clock forward (or back, with a negative duration). */
  public MutableClock advance(Duration by) {
    synchronized (lock) {
      now[0] = now[0].plus(by);
    }
    return this;
  }

  /** Sets the clock to {@code instant}. */
  public MutableClock set(Instant instant) {
    synchronized (lock) {
      now[0] = Objects.requireNonNull(instant);
    }
    return this;
  }

  @Override
  public String toString() {
    return "MutableClock[" + instant() + ", " + zone + "]";
  }
}
