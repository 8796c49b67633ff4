package io.kinhealth.core;

/** The master seed of property-style tests: {@code -Dkinhealth.seed=N} replays a run; otherwise a fresh one. */
public final class Seeds {
  private Seeds() {}

  public static long master() {
    return Long.getLong("kinhealth.seed", System.nanoTime());
  }
}
