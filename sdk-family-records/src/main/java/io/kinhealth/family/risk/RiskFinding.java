package io.kinhealth.family.risk;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.observation.Observation;
import java.util.List;

/**
 * A rule that holds for a reading: the condition and its severity, the consent category an alert about it falls
 * under, whether it still awaits a confirming reading, and the evidence (the triggering reading first, then the
 * readings that confirm it or that the rule counted). Personal data: {@code toString} shows keys only.
 */
public record RiskFinding(String ruleKey, String condition, String observationType, String dataCategory,
    AlertSeverity severity, boolean awaitingConfirmation, Observation trigger, List<Observation> evidence,
    String rulesVersion) {
  public RiskFinding {
    Check.notBlank(ruleKey, "ruleKey");
    Check.notBlank(condition, "condition");
    Check.notBlank(observationType, "observationType");
    Check.notBlank(dataCategory, "dataCategory");
    Check.notNull(severity, "severity");
    Check.notNull(trigger, "trigger");
    evidence = List.copyOf(Check.notEmpty(evidence, "evidence"));
    Check.notBlank(rulesVersion, "rulesVersion");
  }

  @Override
  public String toString() {
    return "RiskFinding[" + ruleKey + ", " + severity + (awaitingConfirmation ? ", awaiting confirmation" : "") + "]";
  }
}
