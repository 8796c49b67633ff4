package io.kinhealth.family.stats;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dedup.SourcePriorities;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.observation.Source;
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
  final String[] sourceIds; // the source ids in canonical order (source[i] indexes it); null for raw columns

  private SeriesColumns(long[] at, double[][] values, int[] source, int[] rank, int size, Observation[] observations,
      String[] sourceIds) {
    this.at = at;
    this.values = values;
    this.source = source;
    this.rank = rank;
    this.size = size;
    this.observations = observations;
    this.sourceIds = sourceIds;
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
    SeriesColumns c = new SeriesColumns(epochMillis, values, source, rank, size, null, null);
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
    Source previous = null;
    for (Observation o : observations) {
      if ((o.type() == type || o.type().equals(type)) && o.isIndividual()) {
        rows.add(o);
        if (o.source() != previous) { // a series mostly repeats one source: skip the set for the same instance
          sourceIds.add(o.source().id());
          previous = o.source();
        }
      }
    }
    return build(rows, type, priorities, sourceIds.toArray(new String[0]));
  }

  /** Columns of {@code rows} (individual readings of {@code type}) whose sources all appear in {@code order}. */
  private static SeriesColumns build(List<Observation> rows, ObservationType type, SourcePriorities priorities,
      String[] order) {
    int n = rows.size();
    int components = type.components().size();
    long[] at = new long[n];
    double[][] values = new double[components][n];
    int[] source = new int[n];
    int[] rank = new int[n];
    Observation[] refs = rows.toArray(new Observation[0]);
    Source lastSource = null;
    int lastOrder = 0;
    int lastRank = 0;
    for (int i = 0; i < n; i++) {
      Observation o = refs[i];
      at[i] = o.effectiveAt().toEpochMilli();
      for (int c = 0; c < components; c++) {
        values[c][i] = o.values().get(c).value();
      }
      if (o.source() != lastSource) { // ranks and orders are per source: look them up once per run of a source
        lastSource = o.source();
        lastOrder = Arrays.binarySearch(order, lastSource.id());
        lastRank = priorities.rank(lastSource);
      }
      source[i] = lastOrder;
      rank[i] = lastRank;
    }
    SeriesColumns c = new SeriesColumns(at, values, source, rank, n, refs, order);
    return c.canonical() ? c : c.sorted();
  }

  /**
   * The rows with {@code fromMillis <= time < toMillis}, as new columns (sharing no array with these), in the same
   * canonical order. Statistics of a bucket computed from a slice that also holds the duplicate window on either
   * side equal those computed from the whole series.
   */
  public SeriesColumns slice(long fromMillis, long toMillis) {
    int lo = firstAtOrAfter(fromMillis);
    int hi = Math.max(lo, firstAtOrAfter(toMillis));
    int n = hi - lo;
    double[][] v = new double[values.length][];
    for (int c = 0; c < values.length; c++) {
      v[c] = Arrays.copyOfRange(values[c], lo, hi);
    }
    return new SeriesColumns(Arrays.copyOfRange(at, lo, hi), v, Arrays.copyOfRange(source, lo, hi),
        Arrays.copyOfRange(rank, lo, hi), n, observations == null ? null : Arrays.copyOfRange(observations, lo, hi),
        sourceIds);
  }

  private int firstAtOrAfter(long t) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (at[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * These columns with {@code more} observations merged in at their canonical places (individual readings of
   * {@code type} only; one whose observation id is already present is skipped, so adding the same reading twice
   * changes nothing). The result equals {@link #from} over the union of the observations, so statistics computed
   * from it equal a full recompute. Costs one pass over these rows: a new reading updates a cached bucket without
   * re-reading the store. Only for columns built from observations.
   */
  public SeriesColumns with(Collection<Observation> more, ObservationType type, SourcePriorities priorities) {
    Check.notNull(more, "observations");
    Check.notNull(type, "type");
    Check.notNull(priorities, "priorities");
    Check.that(observations != null, "columns", "columns.no_observations", "these columns were built from raw arrays");
    List<Observation> fresh = new ArrayList<>(more.size());
    TreeSet<String> union = new TreeSet<>(Arrays.asList(sourceIds));
    java.util.Set<Object> seen = more.size() > 1 ? new java.util.HashSet<>() : null;
    for (Observation o : more) {
      if ((o.type() == type || o.type().equals(type)) && o.isIndividual() && !contains(o)
          && (seen == null || seen.add(o.id()))) {
        fresh.add(o);
        union.add(o.source().id());
      }
    }
    if (fresh.isEmpty()) {
      return this;
    }
    String[] order = union.toArray(new String[0]);
    SeriesColumns add = build(fresh, type, priorities, order);
    int[] remap = new int[sourceIds.length]; // old source order -> order over the union
    for (int i = 0; i < sourceIds.length; i++) {
      remap[i] = Arrays.binarySearch(order, sourceIds[i]);
    }
    int n = size + add.size;
    long[] at2 = new long[n];
    double[][] v2 = new double[values.length][n];
    int[] s2 = new int[n];
    int[] r2 = new int[n];
    Observation[] o2 = new Observation[n];
    int i = 0;
    int j = 0;
    for (int k = 0; k < n; k++) {
      boolean takeOld = j >= add.size || (i < size && compareAcross(i, remap[source[i]], add, j) <= 0);
      SeriesColumns from = takeOld ? this : add;
      int row = takeOld ? i++ : j++;
      at2[k] = from.at[row];
      for (int c = 0; c < values.length; c++) {
        v2[c][k] = from.values[c][row];
      }
      s2[k] = takeOld ? remap[source[row]] : add.source[row];
      r2[k] = from.rank[row];
      o2[k] = from.observations[row];
    }
    return new SeriesColumns(at2, v2, s2, r2, n, o2, order);
  }

  /** Whether an observation with the same id and time is among these rows. */
  private boolean contains(Observation o) {
    long t = o.effectiveAt().toEpochMilli();
    for (int i = firstAtOrAfter(t); i < size && at[i] == t; i++) {
      if (observations[i].id().equals(o.id())) {
        return true;
      }
    }
    return false;
  }

  /** Compares row {@code i} of these columns (its source order given over the union) with row {@code j} of other. */
  private int compareAcross(int i, int sourceOrder, SeriesColumns other, int j) {
    int c = Long.compare(at[i], other.at[j]);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(sourceOrder, other.source[j]);
    if (c != 0) {
      return c;
    }
    for (int k = 0; k < values.length; k++) {
      c = Double.compare(values[k][i], other.values[k][j]);
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(rank[i], other.rank[j]);
    return c != 0 ? c : observations[i].id().value().compareTo(other.observations[j].id().value());
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
    return new SeriesColumns(at2, v2, s2, r2, size, o2, sourceIds);
  }
}
