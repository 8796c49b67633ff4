package io.kinhealth.benchmarks.family;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.UuidV7IdGenerator;
import io.kinhealth.family.FamilyRecords;
import io.kinhealth.family.RegisterProfile;
import io.kinhealth.family.ingest.ImportReport;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationNormaliser;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Ingest with unit normalisation: 65,536 raw readings in mixed units (glucose in mg/dL, temperature in °F, weight
 * in lb, blood pressure in mmHg) checked, converted and turned into observations with fresh UUIDv7 ids; then the
 * same through the whole import path ({@code ObservationService.importReadings}: guardianship check, natural
 * idempotency key per reading, one transaction, the in-memory store). Scores are readings per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// 15 warm-ups: an invocation imports 65,536 readings, so C2 finishes the import path only after about ten 1 s iterations
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@State(Scope.Thread)
public class IngestBenchmark {
  static final int N = 65_536;
  private static final PersonId MEMBER = PersonId.of("bench-member");
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private ObservationNormaliser normaliser;
  private List<Reading> readings;
  private FamilyRecords records;

  @Setup(Level.Trial)
  public void setUp() {
    Clock clock = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
    normaliser = new ObservationNormaliser(ObservationTypes.defaults(), clock, new UuidV7IdGenerator());
    Random r = new Random(42);
    Source meter = Source.device("bench-meter", "Bench meter");
    readings = new ArrayList<>(N);
    for (int i = 0; i < N; i++) {
      Instant at = START.plusSeconds(i * 60L);
      Reading.Builder b = switch (i % 4) {
        case 0 -> Reading.builder(MEMBER, "blood-glucose").values("mg/dL", 70 + r.nextInt(130));
        case 1 -> Reading.builder(MEMBER, "body-temperature").values("[degF]", 97 + r.nextInt(30) / 10.0);
        case 2 -> Reading.builder(MEMBER, "body-weight").values("lb", 120 + r.nextInt(60));
        default -> Reading.builder(MEMBER, "blood-pressure").values("mmHg", 110 + r.nextInt(40), 70 + r.nextInt(20));
      };
      readings.add(b.at(at, ZoneOffset.ofHours(8)).source(meter).build());
    }
  }

  /** A fresh module per invocation (65,536 readings, tens of milliseconds), so every import stores new rows. */
  @Setup(Level.Invocation)
  public void freshStore() {
    records = FamilyRecords.builder().clock(Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC))
        .build();
    records.families().registerProfile(new RegisterProfile(io.kinhealth.core.id.IdempotencyKey.of("p"), MEMBER,
        null, null));
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public void normalise(Blackhole bh) {
    for (Reading r : readings) {
      Observation o = normaliser.normalise(r);
      bh.consume(o);
    }
  }

  /** The whole import path into an empty in-memory store. */
  @Benchmark
  @OperationsPerInvocation(N)
  public ImportReport importReadings() {
    return records.observations().importReadings(MEMBER, MEMBER, readings);
  }
}
