package io.kinhealth.family.dedup;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.Observation;
import java.util.List;

/**
 * A reading kept after duplicate removal, with the readings from other sources that were collapsed into it (kept
 * as provenance: "also seen by the Huawei Health app at 08:01").
 */
public record DeduplicatedReading(Observation kept, List<Observation> collapsed) {
  public DeduplicatedReading {
    Check.notNull(kept, "kept");
    collapsed = List.copyOf(Check.noNulls(collapsed, "collapsed"));
  }

  @Override
  public String toString() {
    return "DeduplicatedReading[" + kept.id() + " +" + collapsed.size() + "]";
  }
}
