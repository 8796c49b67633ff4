package io.kinhealth.family.internal;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.family.observation.Observation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The idempotency key of a reading's natural identity (member, type, source, time, period end, statistic): 128 bits
 * from two independently seeded 64-bit mixes, as {@code obs.} and 32 hex digits. The ids are mixed through their
 * (cached) hash codes, lengths and last characters, so two sources of one member could only collide if all three
 * agree and they report at the same millisecond; the worst outcome is a reading reported as imported differently.
 * Not cryptographic, but far cheaper than SHA-256, which matters at a million readings a second. Not API.
 */
public final class NaturalKey {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final long TEXT = 0x165667B19E3779F9L;
  private static final long NUMBER = 0x27D4EB2F165667C5L;
  private static final int LENGTH = 36; // "obs." and 32 hex digits

  private NaturalKey() {}

  public static IdempotencyKey of(Observation o) {
    return of(o, new byte[LENGTH]);
  }

  /** A scratch buffer for {@link #of(Observation, byte[])}: one per import, reused for every reading. */
  public static byte[] scratch() {
    return new byte[LENGTH];
  }

  /**
   * The same key as {@link #of(Observation)}, written through {@code scratch} (from {@link #scratch()}, used by one
   * thread at a time): the string copies it, so an import allocates one buffer instead of one per reading.
   */
  public static IdempotencyKey of(Observation o, byte[] scratch) {
    // the same mixes in the same order as ever (stored keys stay valid), without an array per part
    long h1 = 0x9E3779B97F4A7C15L;
    long h2 = 0xC2B2AE3D27D4EB4FL;
    // String hash codes are cached by the JVM, so the text parts cost nothing after the first reading of a series
    long part = text(o.subject().value());
    h1 = mix(h1 ^ part);
    h2 = mix(h2 + part * TEXT);
    part = text(o.type().key());
    h1 = mix(h1 ^ part);
    h2 = mix(h2 + part * TEXT);
    part = text(o.source().id());
    h1 = mix(h1 ^ part);
    h2 = mix(h2 + part * TEXT);
    Instant at = o.effectiveAt();
    Instant end = o.effectiveEnd();
    long n = at.getEpochSecond();
    h1 = mix(h1 ^ n);
    h2 = mix(h2 + n * NUMBER);
    n = at.getNano();
    h1 = mix(h1 ^ n);
    h2 = mix(h2 + n * NUMBER);
    n = end == null ? Long.MIN_VALUE : end.getEpochSecond();
    h1 = mix(h1 ^ n);
    h2 = mix(h2 + n * NUMBER);
    n = end == null ? -1 : end.getNano();
    h1 = mix(h1 ^ n);
    h2 = mix(h2 + n * NUMBER);
    n = o.statistic() == null ? -1 : o.statistic().ordinal();
    h1 = mix(h1 ^ n);
    h2 = mix(h2 + n * NUMBER);
    byte[] out = scratch;
    out[0] = 'o';
    out[1] = 'b';
    out[2] = 's';
    out[3] = '.';
    hex(out, 4, h1);
    hex(out, 20, h2);
    return IdempotencyKey.of(new String(out, 0, LENGTH, StandardCharsets.ISO_8859_1));
  }

  private static long text(String text) {
    return ((long) text.hashCode() << 32) ^ text.length() ^ ((long) text.charAt(text.length() - 1) << 16);
  }

  /** The finaliser of SplitMix64: a bijective, well-diffusing mix of 64 bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static void hex(byte[] out, int offset, long v) {
    for (int i = 15; i >= 0; i--) {
      out[offset + i] = HEX[(int) (v & 0xF)];
      v >>>= 4;
    }
  }
}
