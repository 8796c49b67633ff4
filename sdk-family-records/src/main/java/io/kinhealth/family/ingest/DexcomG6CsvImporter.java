package io.kinhealth.family.ingest;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.Comparator;
import io.kinhealth.family.observation.ObservationContext;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.observation.SourceKind;
import io.kinhealth.family.observation.Specimen;
import io.kinhealth.family.observation.TimeBasis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the CSV export of the Dexcom G6 app (and Dexcom Clarity): vendor header rows (patient and device), alert
 * setting rows, then one EGV (estimated glucose value) row per reading.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>every EGV row becomes one blood-glucose reading in the unit named by the glucose column header (mg/dL or
 *       mmol/L), specimen interstitial fluid, from a device source named after the "Source Device ID" column;
 *   <li>"Low" and "High" (the sensor's range is 40-400 mg/dL; it shows text outside it) become the bound with a
 *       comparator: {@code < 40 mg/dL} and {@code > 400 mg/dL} (2.2 / 22.2 mmol/L), as Dexcom documents;
 *   <li>every other row (patient info, device, alerts, calibrations, events) is ignored and counted by event type;
 *       an EGV row whose time or value cannot be read is rejected and reported with its row number, the others
 *       still import;
 *   <li>timestamps are local wall-clock times without an offset: they are placed in the member's zone; in the hour
 *       repeated when clocks go back, rows are placed so that time never runs backwards (the export is
 *       chronological), and a time skipped when clocks go forward is moved forward by the gap, with a warning.
 * </ul>
 * Patient name and birth date rows are read past, never kept. Stateless and thread-safe.
 */
public final class DexcomG6CsvImporter {
  public static final String FORMAT = "dexcom-g6-csv";

  static final double LOW_MG_DL = 40;
  static final double HIGH_MG_DL = 400;
  static final double LOW_MMOL_L = 2.2;
  static final double HIGH_MMOL_L = 22.2;

  /** Parses an export for {@code subject}, placing local times in {@code memberZone}. */
  public ParsedImport parse(Reader csv, PersonId subject, ZoneId memberZone) throws IOException {
    Check.notNull(csv, "csv");
    Check.notNull(subject, "subject");
    Check.notNull(memberZone, "memberZone");
    BufferedReader in = csv instanceof BufferedReader b ? b : new BufferedReader(csv);
    String headerLine = in.readLine();
    List<ImportIssue> rejected = new ArrayList<>();
    List<ImportIssue> warnings = new ArrayList<>();
    Map<String, Integer> ignored = new TreeMap<>();
    List<Reading> readings = new ArrayList<>();
    if (headerLine == null) {
      rejected.add(new ImportIssue("row 1", "header", "dexcom.header.missing", "the file is empty"));
      return new ParsedImport(0, readings, ignored, rejected, warnings);
    }
    if (!headerLine.isEmpty() && headerLine.charAt(0) == '\uFEFF') {
      headerLine = headerLine.substring(1); // the app writes a UTF-8 byte order mark
    }
    List<String> header = CsvLine.split(headerLine);
    int colTime = column(header, "Timestamp");
    int colEvent = column(header, "Event Type");
    int colGlucose = column(header, "Glucose Value");
    int colDevice = column(header, "Source Device ID");
    if (colTime < 0 || colEvent < 0 || colGlucose < 0) {
      rejected.add(new ImportIssue("row 1", "header", "dexcom.header.unrecognised",
          "not a Dexcom export: Timestamp, Event Type and Glucose Value columns are required"));
      return new ParsedImport(0, readings, ignored, rejected, warnings);
    }
    String glucoseHeader = header.get(colGlucose);
    String unit = glucoseHeader.contains("mmol/L") ? "mmol/L" : "mg/dL";
    double low = unit.equals("mg/dL") ? LOW_MG_DL : LOW_MMOL_L;
    double high = unit.equals("mg/dL") ? HIGH_MG_DL : HIGH_MMOL_L;
    ObservationContext context = ObservationContext.NONE.withSpecimen(Specimen.INTERSTITIAL_FLUID);

    int rowNumber = 1;
    int records = 0;
    Instant previous = null;
    String line;
    while ((line = in.readLine()) != null) {
      rowNumber++;
      if (line.isBlank()) {
        continue;
      }
      records++;
      List<String> cells = CsvLine.split(line);
      String event = cell(cells, colEvent);
      if (!event.equalsIgnoreCase("EGV")) {
        ignored.merge(event.isEmpty() ? "(blank)" : event, 1, Integer::sum);
        continue;
      }
      String location = "row " + rowNumber;
      LocalDateTime local;
      try {
        local = LocalDateTime.parse(cell(cells, colTime).replace(' ', 'T'));
      } catch (DateTimeParseException e) {
        rejected.add(new ImportIssue(location, "timestamp", "dexcom.timestamp.unreadable",
            "the timestamp is not a local date-time like 2016-10-24T11:24:17"));
        continue;
      }
      String rawValue = cell(cells, colGlucose);
      double value;
      Comparator comparator = null;
      if (rawValue.equalsIgnoreCase("Low")) {
        value = low;
        comparator = Comparator.LESS_THAN;
      } else if (rawValue.equalsIgnoreCase("High")) {
        value = high;
        comparator = Comparator.GREATER_THAN;
      } else {
        try {
          value = Double.parseDouble(rawValue);
        } catch (NumberFormatException e) {
          rejected.add(new ImportIssue(location, "glucoseValue", "dexcom.glucose.unreadable",
              "the glucose value is neither a number nor Low/High"));
          continue;
        }
      }
      Instant at = place(local, memberZone, previous, location, warnings);
      previous = at;
      String device = colDevice < 0 ? "" : cell(cells, colDevice);
      Source source = new Source(SourceKind.DEVICE, Source.idFrom("dexcom-g6:" + (device.isEmpty() ? "unknown" : device)),
          "Dexcom G6" + (device.isEmpty() ? "" : " (" + device + ")"));
      Reading.Builder b = Reading.builder(subject, ObservationTypes.BLOOD_GLUCOSE)
          .values(unit, value)
          .at(at, memberZone.getRules().getOffset(at))
          .context(context)
          .source(source)
          .importedFrom(FORMAT, location)
          .timeBasis(TimeBasis.LOCAL_TIME_IN_MEMBER_ZONE);
      if (comparator != null) {
        b.comparators(comparator);
      }
      readings.add(b.build());
    }
    return new ParsedImport(records, readings, ignored, rejected, warnings);
  }

  /** Local time to instant: in an overlap keep time moving forward; in a gap move forward by its length. */
  static Instant place(LocalDateTime local, ZoneId zone, Instant previous, String location, List<ImportIssue> warnings) {
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
    if (offsets.size() == 1) {
      return local.toInstant(offsets.get(0));
    }
    if (offsets.size() == 2) {
      Instant earlier = local.toInstant(offsets.get(0)); // offsets are ordered: the pre-transition one first
      Instant later = local.toInstant(offsets.get(1));
      Instant first = earlier.isBefore(later) ? earlier : later;
      Instant second = earlier.isBefore(later) ? later : earlier;
      return previous != null && first.isBefore(previous) ? second : first;
    }
    ZoneOffsetTransition gap = zone.getRules().getTransition(local);
    warnings.add(new ImportIssue(location, "timestamp", "dexcom.timestamp.in_dst_gap",
        "this local time does not exist in the member's zone (clocks went forward); placed after the gap"));
    return local.plus(gap.getDuration()).toInstant(gap.getOffsetAfter());
  }

  private static int column(List<String> header, String prefix) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  private static String cell(List<String> cells, int index) {
    return index < cells.size() ? cells.get(index).strip() : "";
  }
}
