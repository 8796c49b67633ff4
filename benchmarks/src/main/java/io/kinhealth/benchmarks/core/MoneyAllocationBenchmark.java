package io.kinhealth.benchmarks.core;

import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.LargestRemainder;
import io.kinhealth.core.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 5-way split of an order (channel 50% / agent 15% / consumables 20% / doctor 7% / clinic 8%) by largest
 * remainder: the SDK's {@code Money.allocate} and its primitive core, side by side with the same algorithm over
 * Moneta {@code FastMoney}, Moneta {@code Money} and plain {@code BigDecimal}. Amounts cycle through 1,024 random
 * orders so nothing is constant-folded.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MoneyAllocationBenchmark {
  private static final int ORDERS = 1024;
  private static final long[] WEIGHTS = {5000, 1500, 2000, 700, 800};
  private static final BasisPoints[] SHARES = {
    BasisPoints.of(5000), BasisPoints.of(1500), BasisPoints.of(2000), BasisPoints.of(700), BasisPoints.of(800)
  };

  private Money[] sdk;
  private long[] fen;
  private FastMoney[] fast;
  private org.javamoney.moneta.Money[] moneta;
  private BigDecimal[] decimals;
  private MonetaryRounding floorToFen;
  private int next;

  @Setup
  public void setUp() {
    Random r = new Random(42);
    sdk = new Money[ORDERS];
    fen = new long[ORDERS];
    fast = new FastMoney[ORDERS];
    moneta = new org.javamoney.moneta.Money[ORDERS];
    decimals = new BigDecimal[ORDERS];
    for (int i = 0; i < ORDERS; i++) {
      long minor = 100 + r.nextInt(5_000_000); // 1 yuan to 50,000 yuan
      fen[i] = minor;
      sdk[i] = Money.ofMinor(minor);
      decimals[i] = BigDecimal.valueOf(minor, 2);
      fast[i] = FastMoney.of(decimals[i], "CNY");
      moneta[i] = org.javamoney.moneta.Money.of(decimals[i], "CNY");
    }
    floorToFen = PeerAllocations.floorToFen();
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) & (ORDERS - 1);
    return i;
  }

  @Benchmark
  public List<Money> kinhealthMoneyAllocate() {
    return sdk[nextIndex()].allocate(SHARES);
  }

  @Benchmark
  public long[] kinhealthLargestRemainder() {
    return LargestRemainder.allocate(fen[nextIndex()], WEIGHTS);
  }

  @Benchmark
  public MonetaryAmount[] monetaFastMoney() {
    return PeerAllocations.moneta(fast[nextIndex()], WEIGHTS, floorToFen);
  }

  @Benchmark
  public MonetaryAmount[] monetaMoney() {
    return PeerAllocations.moneta(moneta[nextIndex()], WEIGHTS, floorToFen);
  }

  @Benchmark
  public BigDecimal[] plainBigDecimal() {
    return PeerAllocations.bigDecimal(decimals[nextIndex()], WEIGHTS);
  }
}
