package io.kinhealth.compliance.marketing;

import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * The recent send history of one recipient on one channel: how many messages were allowed since a given instant,
 * the oldest of them, and the version of the history (the number of decisions recorded for the pair), which a write
 * must name so two gates cannot both fill the last slot.
 */
public record SendWindow(long version, int allowed, Instant oldestAllowed) {
  public SendWindow {
    Check.notNegative(version, "version");
    Check.notNegative(allowed, "allowed");
    Check.that((allowed == 0) == (oldestAllowed == null), "oldestAllowed", "marketing.window_inconsistent",
        "the oldest allowed send is known exactly when there is one");
  }

  public static SendWindow empty(long version) {
    return new SendWindow(version, 0, null);
  }

  public Optional<Instant> oldest() {
    return Optional.ofNullable(oldestAllowed);
  }
}
