package io.kinhealth.benchmarks.family;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.UuidV7IdGenerator;
import io.kinhealth.family.fhir.FhirBundleWriter;
import io.kinhealth.family.fhir.FhirExportOptions;
import io.kinhealth.family.observation.MealRelation;
import io.kinhealth.family.observation.MeasurementSite;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationContext;
import io.kinhealth.family.observation.ObservationNormaliser;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exporting 10,000 observations as a FHIR R4 Bundle in JSON: the SDK's {@link FhirBundleWriter} (Jackson's streaming
 * generator) against HAPI FHIR 8.8.1's own JSON parser serialising the equivalent resources, in the same run.
 *
 * <p>The observations are a home-device stream of one member (blood pressure, heart rate, fasting and post-meal
 * glucose, axillary temperature, SpO2, weight; each with profiles, source, identifier, category, LOINC code, subject,
 * performer, UCUM quantity or components, offset time, body site). The HAPI resources are built in setup by HAPI
 * parsing the SDK's own export, so both sides serialise the same content ({@code FhirExportAgreementTest} checks that
 * HAPI's output parses back to a Bundle deep-equal to the one it serialised and has as many entries). Only
 * serialisation is timed, into a reused in-memory sink: characters for both ({@code toChars}), and UTF-8 bytes for the
 * SDK ({@code sdkToUtf8Bytes}). HAPI's encoder settles only after about 12 s, hence the 15 one-second warm-ups.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Thread)
public class FhirExportBenchmark {
  static final int N = 10_000;
  static final Instant TIMESTAMP = Instant.parse("2026-11-25T02:00:00Z");
  private static final PersonId MEMBER = PersonId.of("bench-mother");

  List<Observation> observations;
  Bundle hapiBundle;
  IParser hapi;
  private final CharArrayWriter chars = new CharArrayWriter(8 << 20);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 << 20);

  @Setup(Level.Trial)
  public void setUp() {
    observations = observations(N, 42);
    FhirContext ctx = FhirContext.forR4();
    hapi = ctx.newJsonParser();
    hapiBundle = hapiBundle(hapi, sdkJson(observations));
  }

  /**
   * HAPI's model of the SDK's export. HAPI replaces an entry resource's id with its {@code urn:uuid:} fullUrl when
   * parsing, and then omits it when writing; the plain ids are put back so HAPI writes them as the SDK does.
   */
  static Bundle hapiBundle(IParser parser, String json) {
    Bundle bundle = parser.parseResource(Bundle.class, json);
    try {
      com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
      for (int i = 0; i < bundle.getEntry().size(); i++) {
        String type = tree.path("entry").get(i).path("resource").path("resourceType").asText();
        String id = tree.path("entry").get(i).path("resource").path("id").asText();
        bundle.getEntry().get(i).getResource().setId(new IdType(type, id));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bundle;
  }

  /** A home-device stream of {@code n} readings of one member, one a minute. */
  static List<Observation> observations(int n, long seed) {
    ObservationNormaliser normaliser = new ObservationNormaliser(ObservationTypes.defaults(),
        Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC), new UuidV7IdGenerator());
    Random r = new Random(seed);
    Source cuff = Source.device("omron-7136", "Omron HEM-7136");
    Source meter = Source.device("yuwell-580", "Yuwell 580");
    Source phone = Source.app("huawei-health", "Huawei Health");
    List<Observation> out = new ArrayList<>(n);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < n; i++) {
      Instant at = start.plusSeconds(60L * i);
      Reading.Builder b = switch (i % 7) {
        case 0 -> Reading.builder(MEMBER, "blood-pressure").values("mm[Hg]", 105 + r.nextInt(50), 65 + r.nextInt(30))
            .source(cuff);
        case 1 -> Reading.builder(MEMBER, "heart-rate").values("/min", 55 + r.nextInt(50)).source(cuff);
        case 2 -> Reading.builder(MEMBER, "blood-glucose").values("mmol/L", 3.5 + r.nextInt(60) / 10.0)
            .context(ObservationContext.NONE.withMeal(MealRelation.FASTING)).source(meter);
        case 3 -> Reading.builder(MEMBER, "blood-glucose").values("mmol/L", 4.5 + r.nextInt(70) / 10.0)
            .context(ObservationContext.NONE.withMeal(MealRelation.TWO_HOURS_POSTPRANDIAL)).source(meter);
        case 4 -> Reading.builder(MEMBER, "body-temperature").values("Cel", 36 + r.nextInt(25) / 10.0)
            .context(ObservationContext.NONE.withSite(MeasurementSite.AXILLARY)).source(phone);
        case 5 -> Reading.builder(MEMBER, "oxygen-saturation").values("%", 90 + r.nextInt(11)).source(phone);
        default -> Reading.builder(MEMBER, "body-weight").values("kg", 55 + r.nextInt(200) / 10.0).source(phone);
      };
      out.add(normaliser.normalise(b.at(at, ZoneOffset.ofHours(8)).build()));
    }
    return out;
  }

  static String sdkJson(List<Observation> observations) {
    CharArrayWriter w = new CharArrayWriter();
    write(observations, FhirBundleWriter.open(w, FhirExportOptions.compact("bench-bundle", TIMESTAMP)));
    return w.toString();
  }

  private static void write(List<Observation> observations, FhirBundleWriter writer) {
    try (writer) {
      writer.patient(MEMBER, null);
      for (Observation o : observations) {
        writer.observation(o);
      }
    }
  }

  @Benchmark
  public int sdkJacksonStreamingToChars() {
    chars.reset();
    write(observations, FhirBundleWriter.open(chars, FhirExportOptions.compact("bench-bundle", TIMESTAMP)));
    return chars.size();
  }

  @Benchmark
  public int sdkJacksonStreamingToUtf8Bytes() {
    bytes.reset();
    write(observations, FhirBundleWriter.open(bytes, FhirExportOptions.compact("bench-bundle", TIMESTAMP)));
    return bytes.size();
  }

  @Benchmark
  public int hapiJsonParserToChars() throws IOException {
    chars.reset();
    hapi.encodeResourceToWriter(hapiBundle, chars);
    return chars.size();
  }

  /** For the agreement test: HAPI's JSON of the setup bundle. */
  String hapiJson() {
    return hapi.encodeResourceToString(hapiBundle);
  }

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
