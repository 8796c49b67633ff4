package io.kinhealth.family.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.ingest.ImportIssue;
import io.kinhealth.family.ingest.ParsedImport;
import io.kinhealth.family.observation.Aggregation;
import io.kinhealth.family.observation.Coding;
import io.kinhealth.family.observation.CodingVariant;
import io.kinhealth.family.observation.Comparator;
import io.kinhealth.family.observation.ComponentType;
import io.kinhealth.family.observation.ContextField;
import io.kinhealth.family.observation.MealRelation;
import io.kinhealth.family.observation.MeasurementSite;
import io.kinhealth.family.observation.ObservationContext;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.observation.SourceKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads FHIR R4 Observations (a single resource, a Bundle's entries, or an NDJSON bulk-export file with one resource
 * per line) into {@link Reading}s for one member, for {@code ObservationService} to normalise and store.
 *
 * <p>Mapping: the type from any coding of {@code code} that the registry knows (main codes, context variants such as
 * fasting glucose 14771-0, additional codes such as pulse-oximetry SpO2 59408-5); values from {@code valueQuantity}
 * or, for blood pressure, the systolic and diastolic components, in their UCUM code (else their unit text), with the
 * comparator; the time from {@code effectiveDateTime}, {@code effectiveInstant} or {@code effectivePeriod}, which must
 * carry a time and offset; meal relation from the KinHealth meal coding or the code's variant; site from
 * {@code bodySite}; source from the KinHealth {@code meta.source}, else the caller's.
 *
 * <p>Nothing is dropped silently: a resource that is not an Observation is counted in {@code ignored} by resource
 * type; an Observation that cannot be read (status not final/amended/corrected, no supported code, no value, an
 * imprecise time) is reported in {@code rejected} with its location ({@code entry 3}, {@code line 12}) and a stable
 * reason. Messages name codes and fields, never values. Thread-safe.
 */
public final class FhirObservationReader {
  /** The import format recorded in each reading's provenance. */
  public static final String FORMAT = "fhir-r4";
  private static final Set<String> IMPORTED_STATUSES = Set.of("final", "amended", "corrected");

  private record Match(ObservationType type, CodingVariant variant) {}

  private final ObservationTypes types;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Map<String, Match> byCode = new HashMap<>();

  public FhirObservationReader(ObservationTypes types) {
    this.types = Check.notNull(types, "types");
    for (ObservationType t : types.all()) {
      byCode.putIfAbsent(key(t.coding()), new Match(t, null));
      for (Coding c : t.additionalCodings()) {
        byCode.putIfAbsent(key(c), new Match(t, null));
      }
      for (CodingVariant v : t.variants()) {
        byCode.putIfAbsent(key(v.coding()), new Match(t, v));
      }
    }
  }

  private static String key(Coding c) {
    return c.system() + '|' + c.code();
  }

  /** Reads a single resource or a Bundle. */
  public ParsedImport read(Reader json, PersonId subject, Source fallback) throws IOException {
    Check.notNull(json, "json");
    Check.notNull(subject, "subject");
    Check.notNull(fallback, "source");
    Collector c = new Collector();
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      c.reject("document", "document", "fhir.json.invalid", "the document is not valid JSON");
      return c.result();
    }
    if (root != null && "Bundle".equals(root.path("resourceType").asText())) {
      int i = 0;
      for (JsonNode entry : root.path("entry")) {
        i++;
        c.resource(entry.path("resource"), "entry " + i, subject, fallback);
      }
    } else {
      c.resource(root, "resource", subject, fallback);
    }
    return c.result();
  }

  /** Reads an NDJSON file (FHIR bulk data export): one resource per line; blank lines are skipped. */
  public ParsedImport readNdjson(Reader ndjson, PersonId subject, Source fallback) throws IOException {
    Check.notNull(ndjson, "ndjson");
    Check.notNull(subject, "subject");
    Check.notNull(fallback, "source");
    Collector c = new Collector();
    BufferedReader lines = ndjson instanceof BufferedReader b ? b : new BufferedReader(ndjson);
    String line;
    int n = 0;
    while ((line = lines.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = mapper.readTree(line);
      } catch (JsonProcessingException e) {
        c.reject("line " + n, "line", "fhir.json.invalid", "the line is not a JSON resource");
        continue;
      }
      c.resource(node, "line " + n, subject, fallback);
    }
    return c.result();
  }

  /** Accumulates one import's readings and issues. */
  private final class Collector {
    int read;
    final List<Reading> readings = new ArrayList<>();
    final Map<String, Integer> ignored = new TreeMap<>();
    final List<ImportIssue> rejected = new ArrayList<>();

    void reject(String where, String field, String reason, String message) {
      rejected.add(new ImportIssue(where, field, reason, message));
    }

    ParsedImport result() {
      return new ParsedImport(read, readings, ignored, rejected, List.of());
    }

    void resource(JsonNode node, String where, PersonId subject, Source fallback) {
      read++;
      if (node == null || !node.isObject() || !node.path("resourceType").isTextual()) {
        reject(where, "resourceType", "fhir.resource.invalid", "not a FHIR resource (no resourceType)");
        return;
      }
      String resourceType = node.get("resourceType").asText();
      if (!"Observation".equals(resourceType)) {
        ignored.merge(resourceType, 1, Integer::sum);
        return;
      }
      try {
        readings.add(observation(node, where, subject, fallback));
      } catch (Problem p) {
        reject(where, p.field, p.reason, p.getMessage());
      }
    }
  }

  /** Why one Observation could not be read. */
  private static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;
    final String field;
    final String reason;

    Problem(String field, String reason, String message) {
      super(message, null, false, false);
      this.field = field;
      this.reason = reason;
    }
  }

  private Reading observation(JsonNode node, String where, PersonId subject, Source fallback) throws Problem {
    String status = node.path("status").asText("");
    if (!IMPORTED_STATUSES.contains(status)) {
      throw new Problem("status", "fhir.observation.status",
          "only final, amended or corrected observations are imported (status was '" + status + "')");
    }
    Match match = null;
    MealRelation meal = null;
    List<String> seen = new ArrayList<>();
    for (JsonNode c : node.path("code").path("coding")) {
      String system = c.path("system").asText("");
      String code = c.path("code").asText("");
      if (FhirCodes.MEAL_SYSTEM.equals(system)) {
        meal = FhirCodes.meal(code).orElse(null);
        continue;
      }
      seen.add(system + "|" + code);
      Match m = byCode.get(system + '|' + code);
      if (m != null && (match == null || (match.variant() == null && m.variant() != null))) {
        match = m;
      }
    }
    if (match == null) {
      throw new Problem("code", "fhir.observation.unsupported_code",
          "no supported observation code among " + (seen.isEmpty() ? "none" : String.join(", ", seen)));
    }
    ObservationType type = match.type();
    ObservationContext context = ObservationContext.NONE;
    if (type.contextFields().contains(ContextField.MEAL)) {
      MealRelation m = meal != null ? meal : match.variant() == null ? null : match.variant().meal();
      context = context.withMeal(m);
    }
    if (match.variant() != null && match.variant().specimen() != null
        && type.contextFields().contains(ContextField.SPECIMEN)) {
      context = context.withSpecimen(match.variant().specimen());
    }
    for (JsonNode c : node.path("bodySite").path("coding")) {
      if (FhirCodes.SITE_SYSTEM.equals(c.path("system").asText())
          && type.contextFields().contains(ContextField.MEASUREMENT_SITE)) {
        MeasurementSite site = FhirCodes.site(c.path("code").asText()).orElse(null);
        context = context.withSite(site);
      }
    }
    if (node.has("dataAbsentReason") && !node.has("valueQuantity") && !node.has("component")) {
      throw new Problem("dataAbsentReason", "fhir.observation.no_value", "the observation has no value");
    }
    double[] values = new double[type.components().size()];
    Comparator[] comparators = new Comparator[values.length];
    String unit = null;
    for (int i = 0; i < values.length; i++) {
      JsonNode q;
      String field;
      if (type.hasComponents()) {
        ComponentType ct = type.components().get(i);
        q = component(node, ct.coding());
        field = "component[" + ct.key() + "].valueQuantity";
        if (q == null) {
          throw new Problem("component", "fhir.observation.component_missing",
              "the " + ct.key() + " component (" + ct.coding().code() + ") is missing");
        }
      } else {
        q = node.get("valueQuantity");
        field = "valueQuantity";
        if (q == null) {
          throw new Problem("value", "fhir.observation.no_value", "only valueQuantity values are imported");
        }
      }
      if (!q.path("value").isNumber()) {
        throw new Problem(field + ".value", "fhir.observation.no_value", "the quantity has no numeric value");
      }
      values[i] = q.get("value").asDouble();
      String system = q.path("system").asText(null);
      String u = q.hasNonNull("code") && (system == null || FhirCodes.UCUM.equals(system)) ? q.get("code").asText()
          : q.path("unit").asText(null);
      if (u == null) {
        throw new Problem(field + ".code", "fhir.observation.no_unit", "the quantity has no unit");
      }
      if (unit != null && !unit.equals(u)) {
        throw new Problem(field + ".code", "fhir.observation.mixed_units", "the components use different units");
      }
      unit = u;
      comparators[i] = comparator(q.path("comparator").asText(null));
    }
    Reading.Builder b = Reading.builder(subject, type.key()).values(unit, values).context(context)
        .source(source(node, fallback));
    boolean bounded = false;
    for (Comparator c : comparators) {
      bounded |= c != null;
    }
    if (bounded) {
      b.comparators(comparators);
    }
    if (node.has("effectiveDateTime") || node.has("effectiveInstant")) {
      String f = node.has("effectiveDateTime") ? "effectiveDateTime" : "effectiveInstant";
      b.at(time(node.get(f).asText(), f));
    } else if (node.has("effectivePeriod")) {
      JsonNode p = node.get("effectivePeriod");
      b.at(time(p.path("start").asText(null), "effectivePeriod.start"));
      if (p.hasNonNull("end")) {
        b.until(time(p.get("end").asText(), "effectivePeriod.end").toInstant());
      }
    } else {
      throw new Problem("effective", "fhir.observation.no_time", "the observation has no effective time");
    }
    if (type.aggregation() == Aggregation.TOTAL && !node.path("effectivePeriod").hasNonNull("end")) {
      throw new Problem("effectivePeriod", "fhir.observation.period_required",
          type.key() + " counts over a period: effectivePeriod with an end is required");
    }
    String id = node.path("id").asText("");
    for (JsonNode identifier : node.path("identifier")) {
      if ((FhirCodes.ID_SYSTEM_BASE + "observation").equals(identifier.path("system").asText())) {
        id = identifier.path("value").asText(id);
      }
    }
    String reference = id.isEmpty() ? where : "Observation/" + id;
    return b.importedFrom(FORMAT, reference.length() > 200 ? reference.substring(0, 200) : reference).build();
  }

  private static JsonNode component(JsonNode node, Coding coding) {
    for (JsonNode c : node.path("component")) {
      for (JsonNode cc : c.path("code").path("coding")) {
        if (coding.system().equals(cc.path("system").asText()) && coding.code().equals(cc.path("code").asText())) {
          return c.get("valueQuantity");
        }
      }
    }
    return null;
  }

  private static Comparator comparator(String symbol) throws Problem {
    if (symbol == null) {
      return null;
    }
    for (Comparator c : Comparator.values()) {
      if (c.symbol().equals(symbol)) {
        return c;
      }
    }
    throw new Problem("valueQuantity.comparator", "fhir.observation.comparator", "unknown comparator");
  }

  private static OffsetDateTime time(String text, String field) throws Problem {
    if (text == null) {
      throw new Problem(field, "fhir.observation.no_time", "the observation has no effective time");
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new Problem(field, "fhir.observation.time_imprecise",
          "the time must be a date-time with seconds and an offset (a date alone cannot be placed in the day)");
    }
  }

  private static Source source(JsonNode node, Source fallback) {
    String s = node.path("meta").path("source").asText("");
    if (s.startsWith(FhirCodes.SOURCE_PREFIX)) {
      String rest = s.substring(FhirCodes.SOURCE_PREFIX.length());
      int colon = rest.indexOf(':');
      if (colon > 0) {
        try {
          SourceKind kind = SourceKind.valueOf(rest.substring(0, colon));
          return new Source(kind, rest.substring(colon + 1), "FHIR R4 import");
        } catch (RuntimeException e) {
          return fallback; // not one of ours after all
        }
      }
    }
    return fallback;
  }

  /** The registry the reader maps codes with. */
  public ObservationTypes types() {
    return types;
  }

}
