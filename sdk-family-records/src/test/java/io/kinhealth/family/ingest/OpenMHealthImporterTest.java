package io.kinhealth.family.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.UuidV7IdGenerator;
import io.kinhealth.core.model.Zones;
import io.kinhealth.family.observation.BodyPosition;
import io.kinhealth.family.observation.DescriptiveStatistic;
import io.kinhealth.family.observation.MealRelation;
import io.kinhealth.family.observation.MeasurementSite;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationNormaliser;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.observation.TimeBasis;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenMHealthImporterTest {
  private static final PersonId MEMBER = PersonId.of("p-member");
  private static final Instant RECEIVED = Instant.parse("2024-05-01T02:00:00Z");
  private static final Source APP = Source.app("omh-shim", "Open mHealth shim");

  private final OpenMHealthImporter importer = new OpenMHealthImporter(Clock.fixed(RECEIVED, ZoneOffset.UTC));
  private final ObservationNormaliser normaliser = new ObservationNormaliser(ObservationTypes.defaults(),
      Clock.fixed(RECEIVED, ZoneOffset.UTC), new UuidV7IdGenerator());

  static Stream<Arguments> documents(String verdict) throws IOException, URISyntaxException {
    Path root = Path.of(OpenMHealthImporterTest.class.getResource("/data/openmhealth").toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".json") && p.getParent().getFileName().toString().equals(verdict))
          .sorted().toList();
    }
    return files.stream().map(p -> {
      Path version = p.getParent().getParent();
      String schema = version.getParent().getFileName().toString();
      return Arguments.of(schema + " " + version.getFileName() + " " + p.getFileName(), schema,
          version.getFileName().toString(), p);
    });
  }

  static Stream<Arguments> shouldPass() throws IOException, URISyntaxException {
    return documents("shouldPass");
  }

  static Stream<Arguments> shouldFail() throws IOException, URISyntaxException {
    return documents("shouldFail");
  }

  @Test
  @DisplayName("the test data covers all six schemas and every version is supported")
  void coverage() throws IOException, URISyntaxException {
    List<Arguments> pass = shouldPass().toList();
    List<Arguments> fail = shouldFail().toList();
    assertThat(pass).hasSize(76);
    assertThat(fail).hasSize(79);
    for (Arguments a : pass) {
      assertThat(OpenMHealthImporter.supports((String) a.get()[1], (String) a.get()[2])).as(a.get()[0].toString())
          .isTrue();
    }
  }

  @ParameterizedTest(name = "{0} imports")
  @MethodSource("shouldPass")
  void everyShouldPassDocumentImports(String name, String schema, String version, Path file) throws IOException {
    OmhReading read = importer.read(OmhSchemaId.omh(schema, version), Files.readString(file, StandardCharsets.UTF_8),
        MEMBER, Zones.CHINA, APP);
    Observation o = normaliser.normalise(read.reading());
    assertThat(o.type().key()).isEqualTo(schema);
    assertThat(o.provenance().format()).isEqualTo("openmhealth:" + schema + ":" + version);
  }

  @ParameterizedTest(name = "{0} is rejected")
  @MethodSource("shouldFail")
  void everyShouldFailDocumentIsRejected(String name, String schema, String version, Path file) throws IOException {
    String json = Files.readString(file, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> normaliser.normalise(
        importer.read(OmhSchemaId.omh(schema, version), json, MEMBER, Zones.CHINA, APP).reading()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.reason()).startsWith("omh.");
          assertThat(e.field()).isPresent();
          assertThat(e.getMessage()).isNotBlank();
        });
  }

  private Observation read(String schema, String version, String json) {
    return normaliser.normalise(importer.read(OmhSchemaId.omh(schema, version), json, MEMBER, Zones.CHINA, APP)
        .reading());
  }

  @Test
  @DisplayName("blood pressure 4.0 keeps both components, the posture, the arm and the -08:00 offset")
  void bloodPressureDetails() {
    Observation o = read("blood-pressure", "4.0", """
        {"systolic_blood_pressure": {"value": 140, "unit": "mmHg"},
         "diastolic_blood_pressure": {"value": 60, "unit": "mmHg"},
         "body_posture": "sitting", "measurement_location": "left upper arm",
         "effective_time_frame": {"date_time": "2020-02-05T07:25:00-08:00"}}""");
    assertThat(o.value("systolic")).isEqualTo(140);
    assertThat(o.value("diastolic")).isEqualTo(60);
    assertThat(o.context().position()).isEqualTo(BodyPosition.SITTING);
    assertThat(o.context().site()).isEqualTo(MeasurementSite.LEFT_UPPER_ARM);
    assertThat(o.localTime()).isEqualTo(OffsetDateTime.parse("2020-02-05T07:25:00-08:00"));
  }

  @Test
  @DisplayName("a fasting glucose of 95 mg/dL over an interval is a minimum summary in mmol/L with its period")
  void glucoseSummary() {
    Observation o = read("blood-glucose", "4.0", """
        {"blood_glucose": {"unit": "mg/dL", "value": 95},
         "effective_time_frame": {"time_interval": {"start_date_time": "2013-02-05T07:25:00Z",
           "end_date_time": "2013-06-05T07:25:00Z"}},
         "specimen_source": "capillary blood", "temporal_relationship_to_meal": "fasting",
         "descriptive_statistic": "minimum"}""");
    assertThat(o.value()).isCloseTo(95 / 18.016, within(1e-12));
    assertThat(o.context().meal()).isEqualTo(MealRelation.FASTING);
    assertThat(o.statistic()).isEqualTo(DescriptiveStatistic.MINIMUM);
    assertThat(o.isIndividual()).isFalse();
    assertThat(o.effectiveEnd()).isEqualTo(Instant.parse("2013-06-05T07:25:00Z"));
    assertThat(o.type().codingFor(o.context()).code()).isEqualTo("14770-2");
  }

  @Test
  @DisplayName("a temperature in °F becomes °C; a forehead strip is the forehead site")
  void temperature() {
    Observation o = read("body-temperature", "4.0", """
        {"body_temperature": {"value": 97, "unit": "F"},
         "effective_time_frame": {"date_time": "2023-02-05T07:25:00+01:00"}, "measurement_location": "forehead"}""");
    assertThat(o.value()).isCloseTo(36.111, within(1e-3));
    assertThat(o.context().site()).isEqualTo(MeasurementSite.FOREHEAD);
  }

  @Test
  @DisplayName("a version-1 document without time takes the received time and says so in a warning")
  void noTimeFrame() {
    OmhReading read = importer.read(OmhSchemaId.omh("body-weight", "1.0"),
        "{\"body_weight\": {\"value\": 50, \"unit\": \"kg\"}}", MEMBER, Zones.CHINA, APP);
    Observation o = normaliser.normalise(read.reading());
    assertThat(o.effectiveAt()).isEqualTo(RECEIVED);
    assertThat(o.offset()).isEqualTo(ZoneOffset.ofHours(8));
    assertThat(o.provenance().timeBasis()).isEqualTo(TimeBasis.RECEIVED);
    assertThat(read.warnings()).extracting(ImportIssue::reason).containsExactly("omh.time_frame.absent");
  }

  @Test
  @DisplayName("a date and part of day is placed in the member's zone: an evening is 18:00-22:00 Shanghai time")
  void partOfDay() {
    Observation o = read("blood-pressure", "1.0", """
        {"systolic_blood_pressure": {"value": 160, "unit": "mmHg"},
         "diastolic_blood_pressure": {"value": 60, "unit": "mmHg"},
         "effective_time_frame": {"time_interval": {"date": "2013-02-05", "part_of_day": "evening"}}}""");
    assertThat(o.localTime()).isEqualTo(OffsetDateTime.parse("2013-02-05T18:00:00+08:00"));
    assertThat(o.effectiveEnd()).isEqualTo(OffsetDateTime.parse("2013-02-05T22:00:00+08:00").toInstant());
    assertThat(o.provenance().timeBasis()).isEqualTo(TimeBasis.PART_OF_DAY);
  }

  @Test
  @DisplayName("an interval ending before it starts keeps its start and warns that the end was dropped")
  void invertedInterval() {
    OmhReading read = importer.read(OmhSchemaId.omh("body-temperature", "4.0"), """
        {"body_temperature": {"value": 96.5, "unit": "F"},
         "effective_time_frame": {"time_interval": {"start_date_time": "2023-02-05T06:00:00-08:00",
           "end_date_time": "2020-03-06T06:00:00-08:00"}}, "descriptive_statistic": "maximum"}""",
        MEMBER, Zones.CHINA, APP);
    Observation o = normaliser.normalise(read.reading());
    assertThat(o.localTime()).isEqualTo(OffsetDateTime.parse("2023-02-05T06:00:00-08:00"));
    assertThat(o.knownEnd()).isEmpty();
    assertThat(read.warnings()).extracting(ImportIssue::reason).containsExactly("omh.time_interval.inverted");
  }

  @Test
  @DisplayName("a start and a duration give the end; a misspelt enum names its JSON path")
  void durationsAndPaths() {
    Observation o = read("heart-rate", "2.0", """
        {"heart_rate": {"value": 60, "unit": "beats/min"},
         "effective_time_frame": {"time_interval": {"start_date_time": "2020-02-05T06:00:00Z",
           "duration": {"value": 90, "unit": "min"}}}}""");
    assertThat(o.effectiveEnd()).isEqualTo(Instant.parse("2020-02-05T07:30:00Z"));
    assertThatThrownBy(() -> read("blood-glucose", "2.0",
        "{\"blood_glucose\": {\"unit\": \"mg/dL\", \"value\": 95}, \"temporal_relationship_to_meal\": \"fsting\"}"))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).contains("temporal_relationship_to_meal");
          assertThat(e.reason()).isEqualTo("omh.enum");
        });
  }

  @Test
  @DisplayName("a data point is read by its header's schema id; an unsupported schema is a clear error")
  void dataPoints() {
    OmhReading read = importer.readDataPoint("""
        {"header": {"id": "x", "schema_id": {"namespace": "omh", "name": "heart-rate", "version": "2.0"}},
         "body": {"heart_rate": {"value": 67.5, "unit": "beats/min"},
                  "effective_time_frame": {"date_time": "2020-02-05T07:25:00-08:00"}}}""", MEMBER, Zones.CHINA, APP);
    assertThat(normaliser.normalise(read.reading()).value()).isEqualTo(67.5);
    assertThatThrownBy(() -> importer.readDataPoint("""
        {"header": {"schema_id": {"namespace": "omh", "name": "step-count", "version": "3.0"}}, "body": {}}""",
        MEMBER, Zones.CHINA, APP))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason())
            .isEqualTo("omh.schema.unsupported"));
    assertThatThrownBy(() -> importer.readDataPoint("{not json", MEMBER, Zones.CHINA, APP))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo("omh.json.malformed"));
  }
}
