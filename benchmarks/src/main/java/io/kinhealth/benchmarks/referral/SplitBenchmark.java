package io.kinhealth.benchmarks.referral;

import io.kinhealth.benchmarks.core.PeerAllocations;
import io.kinhealth.referral.split.Allocation;
import io.kinhealth.referral.split.Split;
import io.kinhealth.referral.split.SplitPlan;
import io.kinhealth.referral.split.SplitRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.money.MonetaryAmount;
import javax.money.MonetaryRounding;
import org.javamoney.moneta.FastMoney;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Splitting a five-line order under a six-party rule set (see {@link SplitFixtures}) on one thread: the SDK's
 * {@link SplitPlan#split} (the compact result, and the same with every allocation explained), side by side with the
 * same split over Moneta {@code FastMoney} and Moneta {@code Money}. Orders cycle through 1,024 random ones so nothing
 * is constant-folded. Target: the SDK split at 2 million per second or more.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class SplitBenchmark {
  private static final int ORDERS = 1024;

  private SplitPlan plan;
  private SplitRequest[] requests;
  private FastMoney[][] fast;
  private org.javamoney.moneta.Money[][] moneta;
  private MonetaryRounding floorToFen;
  private int next;

  @Setup
  public void setUp() {
    plan = SplitPlan.of(SplitFixtures.ruleSet());
    long[][] amounts = SplitFixtures.amounts(ORDERS, 42);
    requests = new SplitRequest[ORDERS];
    fast = new FastMoney[ORDERS][];
    moneta = new org.javamoney.moneta.Money[ORDERS][];
    for (int o = 0; o < ORDERS; o++) {
      requests[o] = SplitFixtures.request(amounts[o]);
      fast[o] = new FastMoney[amounts[o].length];
      moneta[o] = new org.javamoney.moneta.Money[amounts[o].length];
      for (int i = 0; i < amounts[o].length; i++) {
        BigDecimal yuan = BigDecimal.valueOf(amounts[o][i], 2);
        fast[o][i] = FastMoney.of(yuan, "CNY");
        moneta[o][i] = org.javamoney.moneta.Money.of(yuan, "CNY");
      }
    }
    floorToFen = PeerAllocations.floorToFen();
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) & (ORDERS - 1);
    return i;
  }

  @Benchmark
  public Split kinhealthSplit() {
    return plan.split(requests[nextIndex()]);
  }

  @Benchmark
  public List<Allocation> kinhealthSplitExplained() {
    return plan.split(requests[nextIndex()]).allocations();
  }

  @Benchmark
  public MonetaryAmount[][] monetaFastMoneySplit() {
    return MonetaSplit.split(fast[nextIndex()], SplitFixtures.LINE_CATEGORIES, floorToFen);
  }

  @Benchmark
  public MonetaryAmount[][] monetaMoneySplit() {
    return MonetaSplit.split(moneta[nextIndex()], SplitFixtures.LINE_CATEGORIES, floorToFen);
  }
}
