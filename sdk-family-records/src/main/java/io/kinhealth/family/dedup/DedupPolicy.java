package io.kinhealth.family.dedup;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.ComponentType;
import io.kinhealth.family.observation.ObservationType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How duplicates are recognised: the time window (default ±2 minutes) within which readings of one type from
 * different sources may be the same measurement, the value tolerance per component (default: the type's
 * {@link ComponentType#duplicateTolerance()}, e.g. 3 mm[Hg], 0.3 mmol/L), and the source priorities. Immutable.
 */
public final class DedupPolicy {
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(2);
  private static final DedupPolicy DEFAULTS = builder().build();

  private final Duration window;
  private final Map<String, Double> tolerances;
  private final SourcePriorities priorities;

  private DedupPolicy(Builder b) {
    this.window = b.window;
    this.tolerances = Map.copyOf(b.tolerances);
    this.priorities = b.priorities;
  }

  public static DedupPolicy defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Duration window() {
    return window;
  }

  public SourcePriorities priorities() {
    return priorities;
  }

  /** The tolerance for one component of a type. */
  public double tolerance(ObservationType type, ComponentType component) {
    Double own = tolerances.get(type.key() + "/" + component.key());
    return own != null ? own : component.duplicateTolerance();
  }

  /** Tolerances of all components of a type, in component order. */
  public double[] tolerances(ObservationType type) {
    double[] t = new double[type.components().size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = tolerance(type, type.components().get(i));
    }
    return t;
  }

  /** Builds a policy; unset parts keep their defaults. */
  public static final class Builder {
    private Duration window = DEFAULT_WINDOW;
    private final Map<String, Double> tolerances = new HashMap<>();
    private SourcePriorities priorities = SourcePriorities.defaults();

    public Builder window(Duration value) {
      Check.notNull(value, "window");
      Check.that(!value.isNegative() && value.compareTo(Duration.ofHours(1)) <= 0, "window", "dedup.window_invalid",
          "the window must be between 0 and 1 hour");
      this.window = value;
      return this;
    }

    public Builder tolerance(String typeKey, String componentKey, double value) {
      Check.that(value >= 0 && Double.isFinite(value), "tolerance", "dedup.tolerance_invalid",
          "a tolerance must be a finite non-negative number");
      tolerances.put(Check.notBlank(typeKey, "typeKey") + "/" + Check.notBlank(componentKey, "componentKey"), value);
      return this;
    }

    public Builder priorities(SourcePriorities value) {
      this.priorities = Check.notNull(value, "priorities");
      return this;
    }

    public DedupPolicy build() {
      return new DedupPolicy(this);
    }
  }
}
