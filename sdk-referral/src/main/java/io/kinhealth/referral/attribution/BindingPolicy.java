package io.kinhealth.referral.attribution;

import io.kinhealth.core.validation.Check;
import java.time.Duration;

/**
 * How referral scans bind referees: the {@link BindingMode}, the lock period for {@link BindingMode#LOCKED}, and the
 * velocity limit above which a referrer's new bindings are flagged. Immutable; start from {@link #ofDefaults()}.
 *
 * @param lockPeriod how long a {@code LOCKED} binding holds (default 30 days)
 * @param velocityWindow the window the velocity limit counts over (default 1 day)
 * @param velocityLimit how many bindings a referrer may make in the window before new ones are flagged (default 50)
 */
public record BindingPolicy(BindingMode mode, Duration lockPeriod, Duration velocityWindow, int velocityLimit) {
  public static final Duration DEFAULT_LOCK_PERIOD = Duration.ofDays(30);
  public static final Duration DEFAULT_VELOCITY_WINDOW = Duration.ofDays(1);
  public static final int DEFAULT_VELOCITY_LIMIT = 50;

  public BindingPolicy {
    Check.notNull(mode, "mode");
    Check.notNull(lockPeriod, "lockPeriod");
    Check.that(!lockPeriod.isNegative() && !lockPeriod.isZero(), "lockPeriod", "not_positive",
        "lockPeriod must be positive");
    Check.notNull(velocityWindow, "velocityWindow");
    Check.that(!velocityWindow.isNegative() && !velocityWindow.isZero(), "velocityWindow", "not_positive",
        "velocityWindow must be positive");
    Check.positive(velocityLimit, "velocityLimit");
  }

  /** First touch, 30-day lock period, 50 bindings a day. */
  public static BindingPolicy ofDefaults() {
    return new BindingPolicy(BindingMode.FIRST_TOUCH, DEFAULT_LOCK_PERIOD, DEFAULT_VELOCITY_WINDOW,
        DEFAULT_VELOCITY_LIMIT);
  }

  public BindingPolicy withMode(BindingMode mode) {
    return new BindingPolicy(mode, lockPeriod, velocityWindow, velocityLimit);
  }

  public BindingPolicy withLockPeriod(Duration lockPeriod) {
    return new BindingPolicy(mode, lockPeriod, velocityWindow, velocityLimit);
  }

  public BindingPolicy withVelocity(int limit, Duration window) {
    return new BindingPolicy(mode, lockPeriod, window, limit);
  }
}
