package io.kinhealth.referral.payment;

import io.kinhealth.core.validation.Check;
import java.time.Duration;
import java.util.List;

/**
 * When the reconciler re-queries a request that is not final: the first delay after the request is sent, the next
 * after the first query, and so on; the last delay repeats for ever. Kill Bill's schedule is the default: 5 minutes,
 * 1 hour, then daily.
 */
public record Backoff(List<Duration> delays) {
  public Backoff {
    delays = List.copyOf(Check.notEmpty(delays, "delays"));
    for (Duration d : delays) {
      Check.that(!d.isNegative() && !d.isZero(), "delays", "referral.backoff.not_positive",
          "every delay is positive");
    }
  }

  public static Backoff of(Duration... delays) {
    // Arrays.asList, not List.of: a null delay must reach the constructor's check, not throw a bare NPE.
    return new Backoff(java.util.Arrays.asList(Check.notNull(delays, "delays")));
  }

  /** 5 minutes, 1 hour, then every day. */
  public static Backoff ofDefaults() {
    return of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1));
  }

  /** The wait before the next query, after {@code checks} queries so far. */
  public Duration delayAfter(int checks) {
    Check.notNegative(checks, "checks");
    return delays.get(Math.min(checks, delays.size() - 1));
  }
}
