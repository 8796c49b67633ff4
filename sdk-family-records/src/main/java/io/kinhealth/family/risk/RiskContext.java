package io.kinhealth.family.risk;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.calendar.Pregnancy;
import io.kinhealth.family.observation.GestationalAge;
import java.time.LocalDate;

/**
 * What the rules know about the member when a reading was taken: the reading's date in her zone, her birth date (for
 * age; may be unknown), the gestational age (the reading's own, else her pregnancy calendar's for that day; null when
 * she is not pregnant), the pregnancy (for weight-gain bands; may be null) and the setting.
 */
public record RiskContext(LocalDate localDate, LocalDate birthDate, GestationalAge gestationalAge,
    Pregnancy pregnancy, MeasurementSetting setting) {
  public RiskContext {
    Check.notNull(localDate, "localDate");
    Check.notNull(setting, "setting");
  }

  public boolean isPregnant() {
    return gestationalAge != null;
  }

  @Override
  public String toString() {
    return "RiskContext[" + setting + "]";
  }
}
