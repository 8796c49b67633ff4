package io.kinhealth.benchmarks.referral;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Operations per second of the benchmark JVM's CPU time (every thread: the benchmark's, the garbage collector's, the
 * compiler's), next to JMH's operations per second of wall-clock time. On a machine shared with other work the
 * wall-clock score mostly measures how much CPU the fork was given; this figure is what one core fully given to the
 * fork would do, and is what "per second on one core" targets are read against. {@code cpu.share} is the CPU the
 * fork got, in cores. Use with {@code -prof io.kinhealth.benchmarks.referral.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long cpuStart;
  private long wallStart;

  @Override
  public String getDescription() {
    return "operations per second of process CPU time";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    cpuStart = os.getProcessCpuTime();
    wallStart = System.nanoTime();
  }

  @Override
  public List<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
    double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
    long ops = result.getMetadata().getAllOps();
    return List.of(
        new ScalarResult("cpu.ops.per.cpu.s", cpuSeconds > 0 ? ops / cpuSeconds : Double.NaN, "ops/cpu-s",
            AggregationPolicy.AVG),
        new ScalarResult("cpu.share", wallSeconds > 0 ? cpuSeconds / wallSeconds : Double.NaN, "cores",
            AggregationPolicy.AVG));
  }
}
