package io.kinhealth.family.dedup;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.internal.DedupKernel;
import io.kinhealth.family.observation.Aggregation;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.stats.BucketStatistics;
import io.kinhealth.family.stats.SeriesColumns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collapses the same vital-sign measurement seen by several sources (a cuff that reports directly and the app that
 * syncs it) into the reading of the highest-ranked source; the others are kept as its provenance.
 *
 * <p>The rule: a reading is a duplicate when a reading of the same type from a different source, within the
 * policy's window (default ±2 minutes), with every component within tolerance, has a higher rank (equal ranks: the
 * alphabetically first source id). Readings from one source are never collapsed with each other. A duplicate is
 * attached to the kept reading its best dominating reading finally collapses into. The result depends only on the
 * set of readings: any arrival order gives the same kept readings and the same provenance. Summaries (readings with
 * a descriptive statistic) are passed through untouched. Thread-safe and stateless.
 */
public final class VitalSignDeduplicator {
  private final DedupPolicy policy;

  public VitalSignDeduplicator(DedupPolicy policy) {
    this.policy = Check.notNull(policy, "policy");
  }

  /** De-duplicates readings of one sample type, returning the kept readings in time order. */
  public List<DeduplicatedReading> deduplicate(Collection<Observation> readings, ObservationType type) {
    Check.notNull(type, "type");
    Check.that(type.aggregation() == Aggregation.SAMPLE, "type", "dedup.not_a_sample_type",
        type.key() + " is a total: use TotalsSweep");
    SeriesColumns cols = SeriesColumns.from(readings, type, policy.priorities());
    int[] dominator = dominators(cols, type);
    List<List<Observation>> collapsed = new ArrayList<>(cols.size());
    for (int i = 0; i < cols.size(); i++) {
      collapsed.add(null);
    }
    for (int i = 0; i < cols.size(); i++) {
      if (dominator[i] >= 0) {
        int k = DedupKernel.keeper(dominator, i);
        if (collapsed.get(k) == null) {
          collapsed.set(k, new ArrayList<>(2));
        }
        collapsed.get(k).add(cols.observation(i));
      }
    }
    List<DeduplicatedReading> out = new ArrayList<>(cols.size());
    for (int i = 0; i < cols.size(); i++) {
      if (dominator[i] < 0) {
        List<Observation> c = collapsed.get(i);
        out.add(new DeduplicatedReading(cols.observation(i), c == null ? List.of() : c));
      }
    }
    return out;
  }

  /** The dominator of every row of {@code cols} (-1 where kept). */
  public int[] dominators(SeriesColumns cols, ObservationType type) {
    return BucketStatistics.dominators(cols, policy.tolerances(type), policy.window().toMillis());
  }
}
