package io.kinhealth.benchmarks.family;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Random;

/**
 * One member's glucose readings as primitive columns, time-sorted: a CGM that reads every minute (source 0, rank
 * 400; about 1.8 years for a million rows), and for every tenth reading the copy a phone app re-synced (source 1,
 * rank 200) up to 20 seconds later with the same value, which the duplicate rule collapses into the CGM's reading.
 * Values follow a bounded random walk around 4-12 mmol/L. {@link #kept} holds the rows that survive
 * de-duplication (the CGM rows), for peers that only aggregate.
 */
public final class GlucoseSeries {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final long START = LocalDateTime.of(2026, 1, 1, 0, 0).atZone(ZONE).toInstant().toEpochMilli();

  public final long[] at;
  public final double[] value;
  public final int[] source;
  public final int[] rank;
  public final int size;
  /** Indices of the rows kept after de-duplication (the app's copies are dropped). */
  public final int[] kept;

  private GlucoseSeries(long[] at, double[] value, int[] source, int[] rank, int[] kept) {
    this.at = at;
    this.value = value;
    this.source = source;
    this.rank = rank;
    this.size = at.length;
    this.kept = kept;
  }

  /** About {@code n} readings (CGM plus 10% meter copies), seeded. */
  public static GlucoseSeries generate(int n, long seed) {
    Random r = new Random(seed);
    int cgm = (int) (n / 1.1);
    int copies = (cgm + 9) / 10; // i % 10 == 0 for i in [0, cgm)
    int total = cgm + copies;
    long[] at = new long[total];
    double[] v = new double[total];
    int[] src = new int[total];
    int[] rk = new int[total];
    boolean[] dominated = new boolean[total];
    double level = 7;
    int k = 0;
    for (int i = 0; i < cgm; i++) {
      level = Math.max(2.5, Math.min(16, level + r.nextGaussian() * 0.15));
      long t = START + i * 60_000L;
      at[k] = t;
      v[k] = Math.round(level * 100) / 100.0;
      src[k] = 0;
      rk[k] = 400;
      int cgmRow = k++;
      if (i % 10 == 0) {
        at[k] = t + r.nextInt(20_001);
        v[k] = v[cgmRow];
        src[k] = 1;
        rk[k] = 200;
        dominated[k] = true;
        k++;
      }
    }
    // sort by (time, source), the canonical order
    Integer[] idx = new Integer[total];
    for (int i = 0; i < total; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> at[a] != at[b] ? Long.compare(at[a], at[b]) : Integer.compare(src[a], src[b]));
    long[] at2 = new long[total];
    double[] v2 = new double[total];
    int[] s2 = new int[total];
    int[] r2 = new int[total];
    int[] keptBuf = new int[total];
    int kc = 0;
    for (int i = 0; i < total; i++) {
      int j = idx[i];
      at2[i] = at[j];
      v2[i] = v[j];
      s2[i] = src[j];
      r2[i] = rk[j];
      if (!dominated[j]) {
        keptBuf[kc++] = i;
      }
    }
    return new GlucoseSeries(at2, v2, s2, r2, Arrays.copyOf(keptBuf, kc));
  }

  /** The last instant covered, exclusive, rounded up to the next local midnight. */
  public long end() {
    return java.time.Instant.ofEpochMilli(at[size - 1]).atZone(ZONE).toLocalDate().plusDays(1).atStartOfDay(ZONE)
        .toInstant().toEpochMilli();
  }
}
