package io.kinhealth.family.stats;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dedup.SourcePriorities;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * One member's readings of one type as primitive columns: epoch milliseconds, one {@code double[]} per component,
 * the source's canonical order (sources sorted by id) and its rank. This is the layout of the hot path: no object
 * per reading, sequential memory, so bucketing and duplicate removal run at tens of millions of readings per second.
 *
 * <p>Guarantees: rows are sorted by time, ties in a canonical order (source order, then values, then observation id), so everything
 * computed from the columns is independent of the order the readings arrived in. {@link #of} takes ownership of the
 * arrays it is given (no copy); it sorts them in place only if they are not yet in canonical order.
 */
public final class SeriesColumns {
  final long[] at;
  final double[][] values;
  final int[] source;
  final int[] rank;
  final int size;
  final Observation[] observations; // null when built from raw columns

  private SeriesColumns(long[] at, double[][] values, int[] source, int[] rank, int size, Observation[] observations) {
    this.at = at;
    this.values = values;
    this.source = source;
    this.rank = rank;
    this.size = size;
    this.observations = observations;
  }

  /**
   * Wraps raw columns of {@code size} rows (taking ownership). {@code source} holds each row's canonical source
   * order (a smaller number for an alphabetically earlier source id), {@code rank} its priority (higher wins).
   */
  public static SeriesColumns of(long[] epochMillis, double[][] values, int[] source, int[] rank, int size) {
    Check.notNull(epochMillis, "epochMillis");
    Check.notNull(values, "values");
    Check.notNull(source, "source");
    Check.notNull(rank, "rank");
    Check.that(values.length >= 1, "values", "columns.no_values", "at least one value column is needed");
    Check.that(size >= 0 && size <= epochMillis.length && size <= source.length && size <= rank.length, "size",
        "columns.size", "size exceeds a column's length");
    for (double[] v : values) {
      Check.that(v != null && v.length >= size, "values", "columns.size", "size exceeds a value column's length");
    }
    SeriesColumns c = new SeriesColumns(epochMillis, values, source, rank, size, null);
    return c.canonical() ? c : c.sorted();
  }

  /**
   * Builds columns from observations of one type (individual readings only: summaries are skipped), ranking their
   * sources with {@code priorities}.
   */
  public static SeriesColumns from(Collection<Observation> observations, ObservationType type,
      SourcePriorities priorities) {
    Check.notNull(observations, "observations");
    Check.notNull(type, "type");
    Check.notNull(priorities, "priorities");
    List<Observation> rows = new ArrayList<>(observations.size());
    TreeSet<String> sourceIds = new TreeSet<>();
    for (Observation o : observations) {
      if (o.type().equals(type) && o.isIndividual()) {
        rows.add(o);
        sourceIds.add(o.source().id());
      }
    }
    String[] order = sourceIds.toArray(new String[0]);
    int n = rows.size();
    int components = type.components().size();
    long[] at = new long[n];
    double[][] values = new double[components][n];
    int[] source = new int[n];
    int[] rank = new int[n];
    Observation[] refs = rows.toArray(new Observation[0]);
    for (int i = 0; i < n; i++) {
      Observation o = refs[i];
      at[i] = o.effectiveAt().toEpochMilli();
      for (int c = 0; c < components; c++) {
        values[c][i] = o.values().get(c).value();
      }
      source[i] = Arrays.binarySearch(order, o.source().id());
      rank[i] = priorities.rank(o.source());
    }
    SeriesColumns c = new SeriesColumns(at, values, source, rank, n, refs);
    return c.canonical() ? c : c.sorted();
  }

  public int size() {
    return size;
  }

  public int components() {
    return values.length;
  }

  /** The observation behind row {@code i}, when the columns were built from observations. */
  public Observation observation(int i) {
    Check.that(observations != null, "row", "columns.no_observations", "these columns were built from raw arrays");
    Check.inRange(i, 0, size - 1, "row");
    return observations[i];
  }

  private int compare(int i, int j) {
    int c = Long.compare(at[i], at[j]);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(source[i], source[j]);
    if (c != 0) {
      return c;
    }
    for (double[] v : values) {
      c = Double.compare(v[i], v[j]);
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(rank[i], rank[j]);
    if (c != 0 || observations == null) {
      return c;
    }
    return observations[i].id().value().compareTo(observations[j].id().value()); // identical readings: by id
  }

  private boolean canonical() {
    for (int i = 1; i < size; i++) {
      if (at[i - 1] > at[i] || (at[i - 1] == at[i] && compare(i - 1, i) > 0)) {
        return false;
      }
    }
    return true;
  }

  private SeriesColumns sorted() {
    Integer[] idx = new Integer[size];
    for (int i = 0; i < size; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, this::compare);
    long[] at2 = new long[size];
    double[][] v2 = new double[values.length][size];
    int[] s2 = new int[size];
    int[] r2 = new int[size];
    Observation[] o2 = observations == null ? null : new Observation[size];
    for (int k = 0; k < size; k++) {
      int i = idx[k];
      at2[k] = at[i];
      for (int c = 0; c < values.length; c++) {
        v2[c][k] = values[c][i];
      }
      s2[k] = source[i];
      r2[k] = rank[i];
      if (o2 != null) {
        o2[k] = observations[i];
      }
    }
    return new SeriesColumns(at2, v2, s2, r2, size, o2);
  }
}
