package io.kinhealth.family.triage;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dashboard.AlertSeverity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which alerts go to a person and how long they may wait: alerts at {@link #triageFrom()} or above (HIGH by default)
 * are sent to the human-review queue; one not acknowledged within {@link #acknowledgeWithin(AlertSeverity)} of its
 * notice is escalated (a new notice with a higher escalation level), up to {@link #maxLevel()} times; a notice the
 * sink did not take is retried after {@link #retryDelay()}.
 *
 * <p><b>Defaults are SDK choices, not from a guideline</b> (CRITICAL within 15 minutes, HIGH within 2 hours, 3
 * escalations, retry after 1 minute): set them from the host's clinical governance. Immutable.
 */
public final class EscalationPolicy {
  private final AlertSeverity triageFrom;
  private final Map<AlertSeverity, Duration> acknowledgeWithin;
  private final int maxLevel;
  private final Duration retryDelay;

  private EscalationPolicy(Builder b) {
    this.triageFrom = Check.notNull(b.triageFrom, "triageFrom");
    this.acknowledgeWithin = new EnumMap<>(b.acknowledgeWithin);
    for (AlertSeverity s : AlertSeverity.values()) {
      if (s.compareTo(triageFrom) >= 0) {
        Duration d = acknowledgeWithin.get(s);
        Check.that(d != null && !d.isNegative() && !d.isZero(), "acknowledgeWithin", "escalation.deadline_missing",
            "every triaged severity needs a positive acknowledgement deadline");
      }
    }
    this.maxLevel = (int) Check.inRange(b.maxLevel, 0, 10, "maxLevel");
    this.retryDelay = Check.notNull(b.retryDelay, "retryDelay");
    Check.that(!retryDelay.isNegative() && !retryDelay.isZero(), "retryDelay", "escalation.retry_delay",
        "the retry delay is positive");
  }

  public static EscalationPolicy defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public AlertSeverity triageFrom() {
    return triageFrom;
  }

  public boolean isTriaged(AlertSeverity severity) {
    return severity.compareTo(triageFrom) >= 0;
  }

  public Duration acknowledgeWithin(AlertSeverity severity) {
    return acknowledgeWithin.get(Check.notNull(severity, "severity"));
  }

  public int maxLevel() {
    return maxLevel;
  }

  public Duration retryDelay() {
    return retryDelay;
  }

  /** Builds a policy; {@link #build()} validates it. */
  public static final class Builder {
    private AlertSeverity triageFrom = AlertSeverity.HIGH;
    private final Map<AlertSeverity, Duration> acknowledgeWithin = new EnumMap<>(Map.of(
        AlertSeverity.HIGH, Duration.ofHours(2), AlertSeverity.CRITICAL, Duration.ofMinutes(15)));
    private int maxLevel = 3;
    private Duration retryDelay = Duration.ofMinutes(1);

    private Builder() {}

    public Builder triageFrom(AlertSeverity value) {
      this.triageFrom = value;
      return this;
    }

    public Builder acknowledgeWithin(AlertSeverity severity, Duration deadline) {
      acknowledgeWithin.put(Check.notNull(severity, "severity"), deadline);
      return this;
    }

    public Builder maxLevel(int value) {
      this.maxLevel = value;
      return this;
    }

    public Builder retryDelay(Duration value) {
      this.retryDelay = value;
      return this;
    }

    public EscalationPolicy build() {
      return new EscalationPolicy(this);
    }
  }
}
