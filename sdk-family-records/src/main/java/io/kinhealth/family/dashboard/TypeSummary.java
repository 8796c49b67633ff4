package io.kinhealth.family.dashboard;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationType;
import java.util.List;

/** A type on a member's card: the latest (de-duplicated) reading and the 7/30/90-day trends per component. */
public record TypeSummary(ObservationType type, Observation latest, List<Trend> trends) {
  public TypeSummary {
    Check.notNull(type, "type");
    Check.notNull(latest, "latest");
    trends = List.copyOf(Check.noNulls(trends, "trends"));
  }

  /** The trend of {@code component} over {@code days}. */
  public Trend trend(int days, String component) {
    return trends.stream().filter(t -> t.days() == days && t.component().equals(component)).findFirst()
        .orElseThrow(() -> new io.kinhealth.core.error.NotFoundException("dashboard.trend.not_found", "days",
            "no such trend"));
  }

  @Override
  public String toString() {
    return "TypeSummary[" + type.key() + "]";
  }
}
