package io.kinhealth.compliance.marketing;

import io.kinhealth.core.validation.Check;
import java.time.Duration;

/**
 * At most {@code maxMessages} allowed messages per recipient and channel within any rolling {@code window}.
 * The default, 2 a week, is a common industry setting, not a legal figure: set your own per channel.
 */
public record FrequencyCap(int maxMessages, Duration window) {
  public static final FrequencyCap DEFAULT = new FrequencyCap(2, Duration.ofDays(7));

  public FrequencyCap {
    Check.inRange(maxMessages, 1, 10_000, "maxMessages");
    Check.notNull(window, "window");
    Check.that(!window.isNegative() && !window.isZero(), "window", "marketing.cap_window", "window must be positive");
  }
}
