package io.kinhealth.core.memory;

import io.kinhealth.core.spi.IdGenerator;
import io.kinhealth.core.validation.Check;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.UUID;

/**
 * The default {@link IdGenerator}: RFC 9562 UUID version 7 in canonical lower-case form (36 characters).
 *
 * <p>The first 48 bits are the clock's Unix milliseconds, so ids sort by creation time and index well. Within one
 * millisecond a 12-bit counter (seeded randomly each new millisecond) keeps ids strictly increasing; if it runs out,
 * or the clock goes backwards, the timestamp is advanced logically instead, so order never breaks. The remaining
 * 62 bits are random. Thread-safe.
 */
public final class UuidV7IdGenerator implements IdGenerator {
  private final Clock clock;
  private final Random random;
  private long lastMillis = -1;
  private int counter;

  /** Uses the system UTC clock and a {@link SecureRandom}. */
  public UuidV7IdGenerator() {
    this(Clock.systemUTC(), new SecureRandom());
  }

  /** Uses the given clock and randomness (a seeded {@link Random} makes ids reproducible in tests). */
  public UuidV7IdGenerator(Clock clock, Random random) {
    this.clock = Check.notNull(clock, "clock");
    this.random = Check.notNull(random, "random");
  }

  @Override
  public String newId() {
    long millis;
    int seq;
    long randomBits;
    synchronized (this) {
      long now = clock.millis();
      if (now > lastMillis) {
        lastMillis = now;
        counter = random.nextInt(1 << 11); // leave headroom so a burst rarely overflows the counter
      } else if (++counter > 0xFFF) {
        lastMillis++; // counter exhausted or clock moved back: advance logically to keep ids increasing
        counter = 0;
      }
      millis = lastMillis;
      seq = counter;
      randomBits = random.nextLong();
    }
    long msb = (millis << 16) | (0x7L << 12) | seq;
    long lsb = (randomBits & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return format(msb, lsb);
  }

  private static String format(long msb, long lsb) {
    // java.util.UUID writes the canonical lower-case form straight into the string's bytes: no char[] to compress
    return new UUID(msb, lsb).toString();
  }
}
