package io.kinhealth.family.internal;

import java.util.Arrays;

/**
 * Bucket statistics over primitive columns sorted by time: one pass assigns readings to buckets by advancing a
 * pointer over the bucket boundaries (exact instants, so 23- and 25-hour days are right), skipping duplicates.
 * Not API.
 */
public final class BucketKernel {
  private BucketKernel() {}

  /** Receives one non-empty bucket's statistics. */
  public interface Sink {
    @SuppressWarnings("checkstyle:ParameterNumber")
    void bucket(int bucket, int count, double min, double max, double mean, double sd, double p10, double p50,
        double p90, long latestAt, double latest, int below, int inRange, int above, int duplicates);
  }

  /**
   * Computes statistics of {@code v} per bucket {@code [bounds[b], bounds[b+1])}; readings with
   * {@code dominator[i] >= 0} are duplicates (counted, not aggregated). {@code scratch} must hold the largest bucket.
   */
  public static void compute(long[] at, double[] v, int[] dominator, int n, long[] bounds, int buckets,
      double low, double high, double[] scratch, Sink sink) {
    int i = 0;
    while (i < n && at[i] < bounds[0]) {
      i++;
    }
    for (int b = 0; b < buckets && i < n; b++) {
      long end = bounds[b + 1];
      int count = 0;
      int duplicates = 0;
      int below = 0;
      int above = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double shift = 0;
      double sum = 0;
      double sumSq = 0;
      long latestAt = Long.MIN_VALUE;
      double latest = Double.NaN;
      for (; i < n && at[i] < end; i++) {
        if (dominator != null && dominator[i] >= 0) {
          duplicates++;
          continue;
        }
        double x = v[i];
        if (count == 0) {
          shift = x; // shifted sums keep the variance exact for values far from zero
        }
        double d = x - shift;
        sum += d;
        sumSq += d * d;
        if (x < min) {
          min = x;
        }
        if (x > max) {
          max = x;
        }
        if (x < low) {
          below++;
        } else if (x > high) {
          above++;
        }
        latestAt = at[i];
        latest = x;
        scratch[count++] = x;
      }
      if (count == 0) {
        if (duplicates > 0) {
          sink.bucket(b, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
              Long.MIN_VALUE, Double.NaN, 0, 0, 0, duplicates);
        }
        continue;
      }
      double mean = shift + sum / count;
      double sd = count < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sumSq - sum * sum / count) / (count - 1)));
      // three selections instead of a sort: each leaves the larger values to its right for the next
      double p10 = select(scratch, 0, count, 0.1);
      double p50 = select(scratch, (int) Math.floor((count - 1) * 0.1) + 1, count, 0.5);
      double p90 = select(scratch, (int) Math.floor((count - 1) * 0.5) + 1, count, 0.9);
      sink.bucket(b, count, min, max, mean, sd, p10, p50, p90, latestAt, latest, below, count - below - above, above,
          duplicates);
    }
  }

  /**
   * The {@code p} quantile of {@code values[0, n)} (R-7 interpolation), given that {@code values[0, from)} already
   * hold the smallest values in order-statistic position; rearranges {@code values[from, n)} so that position
   * {@code floor((n - 1) p)} holds its order statistic and everything after it is not smaller.
   */
  static double select(double[] values, int from, int n, double p) {
    double h = (n - 1) * p;
    int k = (int) Math.floor(h);
    if (k >= from) {
      selectInPlace(values, from, n - 1, k);
    }
    double lower = values[k];
    if (h == k || k + 1 >= n) {
      return lower;
    }
    double upper = Double.POSITIVE_INFINITY; // the next order statistic: the smallest value right of k
    for (int i = k + 1; i < n; i++) {
      if (values[i] < upper) {
        upper = values[i];
      }
    }
    return lower + (h - k) * (upper - lower);
  }

  /** Quickselect (median-of-three pivots), falling back to a sort if it degrades. */
  private static void selectInPlace(double[] a, int lo, int hi, int k) {
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo + 1)) + 4;
    while (hi > lo) {
      if (budget-- == 0) {
        Arrays.sort(a, lo, hi + 1);
        return;
      }
      int mid = (lo + hi) >>> 1;
      if (a[mid] < a[lo]) {
        swap(a, mid, lo);
      }
      if (a[hi] < a[lo]) {
        swap(a, hi, lo);
      }
      if (a[hi] < a[mid]) {
        swap(a, hi, mid);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(a, i++, j--);
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return; // j < k < i: a[k] equals the pivot and sits in place
      }
    }
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /** Linear interpolation between closest ranks (R-7; numpy's default and DuckDB's quantile_cont). */
  public static double quantile(double[] sorted, int n, double p) {
    double h = (n - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, n - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
