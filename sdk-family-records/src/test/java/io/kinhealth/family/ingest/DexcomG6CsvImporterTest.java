package io.kinhealth.family.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.UuidV7IdGenerator;
import io.kinhealth.core.model.Zones;
import io.kinhealth.family.observation.Comparator;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationNormaliser;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.SourceKind;
import io.kinhealth.family.observation.Specimen;
import io.kinhealth.family.observation.TimeBasis;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DexcomG6CsvImporterTest {
  private static final PersonId FATHER = PersonId.of("p-father");
  private static final String HEADER = "Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Patient Info,"
      + "Device Info,Source Device ID,Glucose Value (mg/dL),Insulin Value (u),Carb Value (grams),"
      + "Duration (hh:mm:ss),Glucose Rate of Change (mg/dL/min)\n";

  private final DexcomG6CsvImporter importer = new DexcomG6CsvImporter();
  private final ObservationNormaliser normaliser = new ObservationNormaliser(ObservationTypes.defaults(),
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), new UuidV7IdGenerator());

  static Reader realExport() {
    return new InputStreamReader(DexcomG6CsvImporterTest.class.getResourceAsStream("/data/cgm/dexcom-g6-export.csv"),
        StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the real G6 export yields 2,148 glucose readings, first 103 and last 108 mg/dL, at local times")
  void realExportCountFirstAndLast() throws IOException {
    ParsedImport parsed;
    try (Reader in = realExport()) {
      parsed = importer.parse(in, FATHER, Zones.CHINA);
    }
    assertThat(parsed.readings()).hasSize(2148);
    assertThat(parsed.rejected()).isEmpty();
    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.ignored()).isEqualTo(Map.of("FirstName", 1, "LastName", 1, "DateOfBirth", 1, "Device", 1,
        "Alert", 7));
    assertThat(parsed.recordsRead()).isEqualTo(2159);

    List<Observation> all = parsed.readings().stream().map(normaliser::normalise).toList();
    Observation first = all.get(0);
    Observation last = all.get(all.size() - 1);
    assertThat(first.localTime()).isEqualTo(OffsetDateTime.parse("2016-10-24T11:24:17+08:00"));
    assertThat(first.provenance().originalValues()).containsExactly(103.0);
    assertThat(first.provenance().originalUnit()).isEqualTo("mg/dL");
    assertThat(first.value()).isCloseTo(103 / 18.016, within(1e-12));
    assertThat(first.provenance().reference()).isEqualTo("row 13");
    assertThat(first.provenance().timeBasis()).isEqualTo(TimeBasis.LOCAL_TIME_IN_MEMBER_ZONE);
    assertThat(first.context().specimen()).isEqualTo(Specimen.INTERSTITIAL_FLUID);
    assertThat(first.source().kind()).isEqualTo(SourceKind.DEVICE);
    assertThat(first.source().id()).isEqualTo("dexcom-g6:iPhone-G6");
    assertThat(last.localTime()).isEqualTo(OffsetDateTime.parse("2016-11-01T09:19:02+08:00"));
    assertThat(last.provenance().originalValues()).containsExactly(108.0);
  }

  @Test
  @DisplayName("the same export placed in New York takes the offsets of that zone (EDT, then EST after 6 Nov)")
  void localTimesFollowTheMemberZone() throws IOException {
    ParsedImport parsed;
    try (Reader in = realExport()) {
      parsed = importer.parse(in, FATHER, ZoneId.of("America/New_York"));
    }
    Observation first = normaliser.normalise(parsed.readings().get(0));
    assertThat(first.offset()).isEqualTo(ZoneOffset.ofHours(-4));
    assertThat(first.effectiveAt()).isEqualTo(Instant.parse("2016-10-24T15:24:17Z"));
  }

  @Test
  @DisplayName("Low and High become the sensor's bounds with a comparator: < 40 and > 400 mg/dL")
  void lowAndHigh() throws IOException {
    String csv = HEADER
        + "12,2016-10-24T11:24:17,EGV,,,,iPhone G6,Low,,,,\n"
        + "13,2016-10-24T11:29:17,EGV,,,,iPhone G6,High,,,,\n"
        + "14,2016-10-24T11:34:17,EGV,,,,iPhone G6,39x,,,,\n"
        + "15,not-a-time,EGV,,,,iPhone G6,100,,,,\n"
        + "16,2016-10-24T11:44:17,Calibration,,,,iPhone G6,100,,,,\n";
    ParsedImport parsed = importer.parse(new StringReader(csv), FATHER, Zones.CHINA);
    assertThat(parsed.readings()).hasSize(2);
    Observation low = normaliser.normalise(parsed.readings().get(0));
    Observation high = normaliser.normalise(parsed.readings().get(1));
    assertThat(low.provenance().originalValues()).containsExactly(40.0);
    assertThat(low.values().get(0).comparator()).isEqualTo(Comparator.LESS_THAN);
    assertThat(high.provenance().originalValues()).containsExactly(400.0);
    assertThat(high.values().get(0).comparator()).isEqualTo(Comparator.GREATER_THAN);
    assertThat(parsed.rejected()).extracting(ImportIssue::location, ImportIssue::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("row 4", "dexcom.glucose.unreadable"),
        org.assertj.core.groups.Tuple.tuple("row 5", "dexcom.timestamp.unreadable"));
    assertThat(parsed.ignored()).containsEntry("Calibration", 1);
  }

  @Test
  @DisplayName("an mmol/L export (Glucose Value (mmol/L)) is read in mmol/L, Low as < 2.2")
  void mmolExport() throws IOException {
    String csv = HEADER.replace("Glucose Value (mg/dL)", "Glucose Value (mmol/L)")
        + "1,2020-01-01 08:00:00,EGV,,,,G6,5.6,,,,\n"
        + "2,2020-01-01 08:05:00,EGV,,,,G6,Low,,,,\n";
    ParsedImport parsed = importer.parse(new StringReader(csv), FATHER, Zones.CHINA);
    assertThat(normaliser.normalise(parsed.readings().get(0)).value()).isEqualTo(5.6);
    assertThat(normaliser.normalise(parsed.readings().get(1)).value()).isEqualTo(2.2);
  }

  @Test
  @DisplayName("in the hour repeated when clocks go back, time keeps moving forward (EDT first, then EST)")
  void fallBackOverlap() throws IOException {
    String csv = HEADER
        + "1,2016-11-06T01:50:00,EGV,,,,G6,100,,,,\n"
        + "2,2016-11-06T01:55:00,EGV,,,,G6,101,,,,\n"
        + "3,2016-11-06T01:00:00,EGV,,,,G6,102,,,,\n"
        + "4,2016-11-06T01:05:00,EGV,,,,G6,103,,,,\n"
        + "5,2016-11-06T02:00:00,EGV,,,,G6,104,,,,\n";
    ParsedImport parsed = importer.parse(new StringReader(csv), FATHER, ZoneId.of("America/New_York"));
    List<Instant> instants = parsed.readings().stream().map(Reading::at).toList();
    assertThat(instants).containsExactly(Instant.parse("2016-11-06T05:50:00Z"), Instant.parse("2016-11-06T05:55:00Z"),
        Instant.parse("2016-11-06T06:00:00Z"), Instant.parse("2016-11-06T06:05:00Z"),
        Instant.parse("2016-11-06T07:00:00Z"));
    assertThat(instants).isSorted();
  }

  @Test
  @DisplayName("a local time skipped when clocks go forward is moved past the gap, with a warning")
  void springForwardGap() throws IOException {
    String csv = HEADER + "1,2016-03-13T02:30:00,EGV,,,,G6,100,,,,\n";
    ParsedImport parsed = importer.parse(new StringReader(csv), FATHER, ZoneId.of("America/New_York"));
    assertThat(parsed.readings().get(0).at()).isEqualTo(Instant.parse("2016-03-13T07:30:00Z"));
    assertThat(parsed.warnings()).extracting(ImportIssue::reason).containsExactly("dexcom.timestamp.in_dst_gap");
  }

  @Test
  @DisplayName("a file that is not a Dexcom export is rejected as a whole with a clear reason")
  void notDexcom() throws IOException {
    ParsedImport parsed = importer.parse(new StringReader("date,steps\n2020-01-01,100\n"), FATHER, Zones.CHINA);
    assertThat(parsed.readings()).isEmpty();
    assertThat(parsed.rejected()).extracting(ImportIssue::reason).containsExactly("dexcom.header.unrecognised");
    assertThat(importer.parse(new StringReader(""), FATHER, Zones.CHINA).rejected()).hasSize(1);
  }

  @Test
  @DisplayName("quoted cells with commas are read as one cell")
  void quotedCells() throws IOException {
    String csv = HEADER + "1,2016-10-24T11:24:17,EGV,,\"Doe, Jane\",,\"G6, \"\"spare\"\"\",100,,,,\n";
    ParsedImport parsed = importer.parse(new StringReader(csv), FATHER, Zones.CHINA);
    assertThat(parsed.readings()).hasSize(1);
    assertThat(parsed.readings().get(0).source().label()).isEqualTo("Dexcom G6 (G6, \"spare\")");
  }
}
