package io.kinhealth.family.internal;

/**
 * The vital-sign duplicate rule over primitive columns sorted by time (ties in canonical order).
 *
 * <p>Reading {@code j} dominates reading {@code i} when they come from different sources, are at most {@code w}
 * milliseconds apart, every component differs by at most its tolerance, and {@code j}'s source ranks higher (equal
 * ranks: the lower canonical source order wins). A dominated reading is a duplicate. The rule depends only on
 * readings within {@code ±w}, and on the set of readings, never on their arrival order. Not API.
 */
public final class DedupKernel {
  private DedupKernel() {}

  /**
   * Fills {@code dominator[i]} with the index of the best reading dominating {@code i} (highest rank, then lowest
   * source order, then nearest in time, then first), or -1 if none; returns how many readings are dominated.
   */
  public static int dominate(long[] at, double[][] values, double[] tolerance, int[] source, int[] rank, int n,
      long w, int[] dominator) {
    boolean single = true;
    for (int i = 1; i < n && single; i++) {
      single = source[i] == source[0];
    }
    if (single) { // one source cannot duplicate itself: the common case of a CGM or one cuff
      java.util.Arrays.fill(dominator, 0, n, -1);
      return 0;
    }
    int components = values.length;
    double[] v0 = values[0];
    double tol0 = tolerance[0];
    int lo = 0;
    int dominated = 0;
    for (int i = 0; i < n; i++) {
      long t = at[i];
      long from = t - w;
      long to = t + w;
      while (at[lo] < from) {
        lo++;
      }
      int si = source[i];
      int ri = rank[i];
      double vi = v0[i];
      int best = -1;
      for (int j = lo; j < n; j++) {
        long tj = at[j];
        if (tj > to) {
          break;
        }
        int sj = source[j];
        if (sj == si) {
          continue;
        }
        int rj = rank[j];
        if (rj < ri || (rj == ri && sj > si)) {
          continue;
        }
        if (Math.abs(v0[j] - vi) > tol0) {
          continue;
        }
        boolean close = true;
        for (int c = 1; c < components && close; c++) {
          close = Math.abs(values[c][j] - values[c][i]) <= tolerance[c];
        }
        if (!close) {
          continue;
        }
        if (best < 0 || better(j, best, t, at, source, rank)) {
          best = j;
        }
      }
      dominator[i] = best;
      if (best >= 0) {
        dominated++;
      }
    }
    return dominated;
  }

  private static boolean better(int j, int best, long t, long[] at, int[] source, int[] rank) {
    if (rank[j] != rank[best]) {
      return rank[j] > rank[best];
    }
    if (source[j] != source[best]) {
      return source[j] < source[best];
    }
    long dj = Math.abs(at[j] - t);
    long db = Math.abs(at[best] - t);
    return dj < db; // equal distance: keep the earlier index
  }

  /** The kept reading a duplicate finally collapses into (following dominators until one is kept). */
  public static int keeper(int[] dominator, int i) {
    int k = i;
    while (dominator[k] >= 0) {
      k = dominator[k];
    }
    return k;
  }
}
