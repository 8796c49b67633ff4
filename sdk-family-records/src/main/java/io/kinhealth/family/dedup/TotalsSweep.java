package io.kinhealth.family.dedup;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Removes double counting from totals (steps, fetal movements) reported by several sources over overlapping
 * periods: Health Connect's method. Time is cut at every record's start and end; in each stretch the highest-ranked
 * source covering it wins (ties: the alphabetically first source id) and contributes its records' counts pro rata
 * to time; other sources contribute nothing there. Point records (no duration) count unless a higher-ranked source
 * covers their instant.
 *
 * <p>The result depends only on the set of records, not their order. Thread-safe and stateless.
 */
public final class TotalsSweep {
  private final SourcePriorities priorities;

  public TotalsSweep(SourcePriorities priorities) {
    this.priorities = Check.notNull(priorities, "priorities");
  }

  /** The winning segments in time order; their values sum to the de-duplicated total. */
  public List<TotalSegment> sweep(List<Observation> records) {
    Check.noNulls(records, "records");
    TreeSet<Long> cuts = new TreeSet<>();
    List<Observation> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparing(Observation::effectiveAt).thenComparing(o -> o.source().id())
        .thenComparing(o -> o.knownEnd().orElse(o.effectiveAt())).thenComparingDouble(Observation::value)
        .thenComparing(o -> o.id().value()));
    for (Observation o : sorted) {
      Check.that(o.effectiveEnd() != null, "effectiveEnd", "observation.period.required",
          "a total needs the period it was counted over");
      cuts.add(o.effectiveAt().toEpochMilli());
      cuts.add(o.effectiveEnd().toEpochMilli());
    }
    List<TotalSegment> out = new ArrayList<>();
    long[] points = new long[cuts.size()];
    int m = 0;
    for (Long c : cuts) {
      points[m++] = c;
    }
    // sweep: records enter the active list at their start and leave at their end; few are active at once
    List<Observation> active = new ArrayList<>();
    int next = 0;
    for (int k = 0; k + 1 < points.length; k++) {
      long from = points[k];
      long to = points[k + 1];
      active.removeIf(o -> o.effectiveEnd().toEpochMilli() <= from);
      while (next < sorted.size() && sorted.get(next).effectiveAt().toEpochMilli() <= from) {
        Observation o = sorted.get(next++);
        if (o.effectiveEnd().toEpochMilli() > from) {
          active.add(o);
        }
      }
      Observation winner = null;
      for (Observation o : active) {
        if (winner == null || beats(o, winner)) {
          winner = o;
        }
      }
      if (winner == null) {
        continue;
      }
      for (Observation o : active) { // every record of the winning source covering the stretch counts
        if (o.source().id().equals(winner.source().id())) {
          long s = o.effectiveAt().toEpochMilli();
          long e = o.effectiveEnd().toEpochMilli();
          out.add(new TotalSegment(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), o,
              o.value() * (to - from) / (double) (e - s)));
        }
      }
    }
    for (Observation p : sorted) {
      long t = p.effectiveAt().toEpochMilli();
      if (p.effectiveEnd().toEpochMilli() != t) {
        continue;
      }
      if (!coveredByBetter(p, t, sorted)) {
        out.add(new TotalSegment(p.effectiveAt(), p.effectiveAt(), p, p.value()));
      }
    }
    out.sort(Comparator.comparing(TotalSegment::start).thenComparing(TotalSegment::end)
        .thenComparing(s -> s.record().source().id()).thenComparing(s -> s.record().id().value()));
    return out;
  }

  /** The de-duplicated total of the records. */
  public double total(List<Observation> records) {
    double sum = 0;
    for (TotalSegment s : sweep(records)) {
      sum += s.value();
    }
    return sum;
  }

  private boolean coveredByBetter(Observation p, long t, List<Observation> sorted) {
    for (Observation o : sorted) {
      long s = o.effectiveAt().toEpochMilli();
      if (s > t) {
        return false; // sorted by start: no later record can cover t
      }
      if (t < o.effectiveEnd().toEpochMilli() && !o.source().id().equals(p.source().id()) && beats(o, p)) {
        return true;
      }
    }
    return false;
  }

  private boolean beats(Observation a, Observation b) {
    int ra = priorities.rank(a.source());
    int rb = priorities.rank(b.source());
    if (ra != rb) {
      return ra > rb;
    }
    return a.source().id().compareTo(b.source().id()) < 0;
  }
}
