package io.kinhealth.family.triage;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.ComponentValue;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A reading that supports an alert, copied onto it so a reviewer sees the values without another read: the
 * observation's id, type, time (instant and the offset it carried), values in the canonical unit, and the rule that
 * counted it. Personal data (health values): not in {@code toString}.
 */
public record AlertEvidence(ObservationId observation, String observationType, Instant effectiveAt, ZoneOffset offset,
    Instant effectiveEnd, List<ComponentValue> values, String unit, String ruleKey) {
  public AlertEvidence {
    Check.notNull(observation, "evidence.observation");
    Check.notBlank(observationType, "evidence.observationType");
    Check.notNull(effectiveAt, "evidence.effectiveAt");
    Check.notNull(offset, "evidence.offset");
    values = List.copyOf(Check.notEmpty(values, "evidence.values"));
    Check.notBlank(unit, "evidence.unit");
    Check.notBlank(ruleKey, "evidence.ruleKey");
  }

  public static AlertEvidence of(Observation o, String ruleKey) {
    return new AlertEvidence(o.id(), o.type().key(), o.effectiveAt(), o.offset(), o.effectiveEnd(), o.values(),
        o.type().canonicalUnit(), ruleKey);
  }

  @Override
  public String toString() {
    return "AlertEvidence[" + observation + ", " + ruleKey + "]";
  }
}
