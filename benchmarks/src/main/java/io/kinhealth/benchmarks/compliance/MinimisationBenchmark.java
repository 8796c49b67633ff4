package io.kinhealth.benchmarks.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinhealth.compliance.masking.Masks;
import io.kinhealth.compliance.minimisation.FieldRule;
import io.kinhealth.compliance.minimisation.MinimisationPolicy;
import io.kinhealth.compliance.minimisation.Minimiser;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.compliance.taxonomy.StandardPurposes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Minimising a 30-field patient record under a 12-field policy (4 masked: mobile, resident id, name, birth date
 * to year; 8 kept), as a {@code Map} and as a Jackson tree (target: ≤ 5 µs). {@code copyTwelveFieldsUnmasked} is the
 * floor: the same 12 fields copied without masks, so the masks' share of the cost shows.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MinimisationBenchmark {
  private Minimiser minimiser;
  private Map<String, Object> record;
  private JsonNode tree;
  private List<FieldRule> rules;

  @Setup
  public void setUp() {
    MinimisationPolicy.Builder b = MinimisationPolicy.builder("bench/1").purpose(StandardPurposes.FAMILY_SHARING)
        .field("mobile", StandardCategories.MOBILE, Masks.mobile())
        .field("residentId", StandardCategories.RESIDENT_ID, Masks.residentId())
        .field("name", StandardCategories.NAME, Masks.name())
        .field("birthDate", StandardCategories.BIRTH_DATE, Masks.dateToYear());
    for (int i = 0; i < 8; i++) {
      b.field("vital" + i, StandardCategories.HEALTH_VITAL_SIGNS, Masks.keep());
    }
    MinimisationPolicy policy = b.build();
    minimiser = Minimiser.of(policy);
    rules = policy.fieldsFor(StandardPurposes.FAMILY_SHARING);
    record = new HashMap<>();
    record.put("mobile", "18012341999");
    record.put("residentId", "11010519491231002X");
    record.put("name", "段小满");
    record.put("birthDate", "1949-12-31");
    for (int i = 0; i < 8; i++) {
      record.put("vital" + i, 120 + i);
    }
    for (int i = 0; i < 18; i++) {
      record.put("other" + i, "value " + i);
    }
    if (record.size() != 30 || minimiser.minimise(StandardPurposes.FAMILY_SHARING, record).size() != 12) {
      throw new IllegalStateException("benchmark set-up must be 30 fields in, 12 out");
    }
    tree = new ObjectMapper().valueToTree(record);
  }

  @Benchmark
  public Map<String, Object> minimiseMap() {
    return minimiser.minimise(StandardPurposes.FAMILY_SHARING, record);
  }

  @Benchmark
  public JsonNode minimiseJacksonTree() {
    return minimiser.minimise(StandardPurposes.FAMILY_SHARING, tree);
  }

  @Benchmark
  public Map<String, Object> copyTwelveFieldsUnmasked() {
    Map<String, Object> out = new LinkedHashMap<>(24);
    for (int i = 0, n = rules.size(); i < n; i++) {
      String f = rules.get(i).field();
      out.put(f, record.get(f));
    }
    return out;
  }
}
