package io.kinhealth.family.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinhealth.core.error.FieldViolation;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.ActivityRelation;
import io.kinhealth.family.observation.BodyPosition;
import io.kinhealth.family.observation.DescriptiveStatistic;
import io.kinhealth.family.observation.MealRelation;
import io.kinhealth.family.observation.MeasurementSite;
import io.kinhealth.family.observation.ObservationContext;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.SleepRelation;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.observation.Specimen;
import io.kinhealth.family.observation.TimeBasis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Open mHealth measure documents (bare bodies, or data points with a {@code header.schema_id}) of six schemas
 * into readings: blood-glucose 1.0-4.0, blood-pressure 1.0, 2.0, 3.0, 3.1, 4.0, body-temperature 1.0-4.0,
 * body-weight 1.0-3.0, heart-rate 1.0, 1.1, 2.0 and oxygen-saturation 1.0, 2.0.
 *
 * <p>Guarantees: a document that breaks its schema version (a missing required field, a value outside an
 * enumeration (so a misspelt value), a unit the schema does not allow, a malformed time frame, a missing time frame where the version
 * requires one) is rejected with a {@link ValidationException} whose field is the JSON path of the problem and whose
 * reason is stable ({@code omh.required}, {@code omh.enum}, {@code omh.unit}, {@code omh.time_frame}, ...). A valid
 * document becomes one reading; its values are normalised later by the
 * {@link io.kinhealth.family.observation.ObservationNormaliser}. Where a valid document carries something the SDK
 * cannot keep faithfully it is said in a warning, never silently: no time frame (versions where it is optional; the
 * reading takes the time it was received), a time interval whose end precedes its start (the end is dropped), a
 * date-time without offset (UTC, as the schema says), supplemental oxygen, and free-text user notes (not stored:
 * they may hold anything). A date plus part of day is placed at the start of that part of the day in the member's
 * zone (morning 06:00, afternoon 12:00, evening 18:00, night 22:00) and lasts to the next part. Summaries
 * ({@code descriptive_statistic}) keep their statistic. Thread-safe.
 */
public final class OpenMHealthImporter {
  public static final String FORMAT_PREFIX = "openmhealth:";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> MEAL = Set.of("fasting", "not fasting", "before meal", "after meal",
      "before breakfast", "after breakfast", "before lunch", "after lunch", "before dinner", "after dinner",
      "2 hours postprandial");
  private static final Set<String> SLEEP = Set.of("before sleeping", "during sleep", "on waking");
  private static final Set<String> ACTIVITY = Set.of("at rest", "active", "before exercise", "after exercise",
      "during exercise");
  private static final Set<String> STAT_OMH = Set.of("average", "maximum", "minimum", "standard deviation",
      "variance", "sum", "median", "count", "quartile deviation", "80th percentile", "lower quartile",
      "upper quartile", "1st quintile", "2nd quintile", "3rd quintile", "4th quintile");
  private static final Set<String> STAT_IEEE = Set.of("average", "count", "maximum", "median", "minimum",
      "standard deviation", "sum", "variance", "20th percentile", "80th percentile", "lower quartile",
      "upper quartile", "quartile deviation", "1st quintile", "2nd quintile", "3rd quintile", "4th quintile");
  private static final Set<String> BLOOD_SPECIMEN_1 = Set.of("whole blood", "plasma", "serum");
  private static final Set<String> SPECIMEN_1 = Set.of("interstitial fluid", "capillary blood", "plasma", "serum",
      "whole blood");
  private static final Set<String> SPECIMEN_2 = Set.of("breath", "capillary blood", "interstitial fluid",
      "lacrimal fluid", "saliva", "sweat", "tears", "urine");
  private static final Set<String> POSITION = Set.of("sitting", "lying down", "standing");
  private static final Set<String> POSTURE = Set.of("sitting", "lying down", "standing", "semi-recumbent");
  private static final Set<String> BODY_LOCATION = Set.of("left ankle", "right ankle", "left hip", "right hip",
      "left thigh", "right thigh", "left thorax", "middle left thorax", "left upper arm", "right upper arm",
      "left wrist", "right wrist");
  private static final Set<String> TEMP_LOCATION_1 = Set.of("oral", "rectal", "vaginal", "axillary", "otic", "wrist",
      "chest");
  private static final Set<String> TEMP_LOCATION_2 = Set.of("axillary", "finger", "forehead", "oral", "rectal",
      "temporal artery", "toe", "tympanic", "wrist", "vagina");
  private static final Set<String> MASS_UNITS = Set.of("fg", "pg", "ng", "ug", "mg", "g", "kg", "Metric Ton", "gr",
      "oz", "lb", "Ton");
  private static final Set<String> DURATION_UNITS = Set.of("ps", "ns", "us", "ms", "sec", "min", "h", "d", "wk", "Mo",
      "yr");
  private static final Set<String> PART_OF_DAY = Set.of("morning", "afternoon", "evening", "night");

  /** One schema version: its measure, whether a time frame is required, which time frame grammar, which fields. */
  private record Spec(String name, String version, boolean timeRequired, boolean partOfDay, Set<String> statistics,
      Map<String, Set<String>> enums, boolean notes) {}

  private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

  static {
    // blood glucose: specimen vocabulary and time-frame rules change across versions
    spec("blood-glucose", "1.0", false, true, STAT_OMH, true, "blood_specimen_type", BLOOD_SPECIMEN_1,
        "temporal_relationship_to_meal", MEAL, "temporal_relationship_to_sleep", SLEEP);
    spec("blood-glucose", "2.0", false, true, STAT_OMH, true, "specimen_source", SPECIMEN_1,
        "temporal_relationship_to_meal", MEAL, "temporal_relationship_to_sleep", SLEEP);
    spec("blood-glucose", "3.0", true, true, STAT_OMH, false, "specimen_source", SPECIMEN_2,
        "temporal_relationship_to_meal", MEAL, "temporal_relationship_to_sleep", SLEEP);
    spec("blood-glucose", "4.0", true, false, STAT_IEEE, false, "specimen_source", SPECIMEN_2,
        "temporal_relationship_to_meal", MEAL, "temporal_relationship_to_sleep", SLEEP);
    spec("blood-pressure", "1.0", false, true, STAT_OMH, true, "position_during_measurement", POSITION);
    spec("blood-pressure", "2.0", false, true, STAT_OMH, true, "body_posture", POSTURE);
    spec("blood-pressure", "3.0", true, true, STAT_OMH, false, "body_posture", POSTURE,
        "measurement_location", BODY_LOCATION);
    spec("blood-pressure", "3.1", true, true, STAT_OMH, false, "body_posture", POSTURE,
        "measurement_location", BODY_LOCATION, "temporal_relationship_to_physical_activity", ACTIVITY);
    spec("blood-pressure", "4.0", true, false, STAT_IEEE, false, "body_posture", POSTURE,
        "measurement_location", BODY_LOCATION, "temporal_relationship_to_physical_activity", ACTIVITY);
    spec("body-temperature", "1.0", false, true, STAT_OMH, false, "measurement_location", TEMP_LOCATION_1);
    spec("body-temperature", "2.0", true, true, STAT_OMH, false, "measurement_location", TEMP_LOCATION_2,
        "temporal_relationship_to_sleep", SLEEP);
    spec("body-temperature", "3.0", true, true, STAT_OMH, false, "measurement_location", TEMP_LOCATION_2,
        "temporal_relationship_to_sleep", SLEEP);
    spec("body-temperature", "4.0", true, false, STAT_IEEE, false, "measurement_location", TEMP_LOCATION_2,
        "temporal_relationship_to_sleep", SLEEP);
    spec("body-weight", "1.0", false, true, STAT_OMH, false);
    spec("body-weight", "2.0", true, true, STAT_OMH, false);
    spec("body-weight", "3.0", true, false, STAT_IEEE, false);
    spec("heart-rate", "1.0", false, true, STAT_OMH, true, "temporal_relationship_to_physical_activity", ACTIVITY);
    spec("heart-rate", "1.1", false, true, STAT_OMH, true, "temporal_relationship_to_physical_activity", ACTIVITY,
        "temporal_relationship_to_sleep", SLEEP);
    spec("heart-rate", "2.0", true, true, STAT_OMH, false, "temporal_relationship_to_physical_activity", ACTIVITY,
        "temporal_relationship_to_sleep", SLEEP);
    spec("oxygen-saturation", "1.0", false, true, STAT_OMH, false, "system", Set.of("peripheral capillary"),
        "oxygen_therapy_mode_of_administration", Set.of("nasal cannula"), "measurement_method",
        Set.of("pulse oximetry"));
    spec("oxygen-saturation", "2.0", true, true, STAT_OMH, false, "system", Set.of("peripheral capillary"),
        "oxygen_therapy_mode_of_administration", Set.of("nasal cannula"), "measurement_method",
        Set.of("pulse oximetry"));
  }

  private static void spec(String name, String version, boolean timeRequired, boolean partOfDay, Set<String> stats,
      boolean notes, Object... enumPairs) {
    Map<String, Set<String>> enums = new HashMap<>();
    for (int i = 0; i < enumPairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      Set<String> values = (Set<String>) enumPairs[i + 1];
      enums.put((String) enumPairs[i], values);
    }
    SPECS.put(name + ":" + version, new Spec(name, version, timeRequired, partOfDay, stats, enums, notes));
  }

  private final Clock clock;

  /** {@code clock} gives the received time of documents that carry no time frame. */
  public OpenMHealthImporter(Clock clock) {
    this.clock = Check.notNull(clock, "clock");
  }

  /** Whether this schema version is supported. */
  public static boolean supports(String name, String version) {
    return SPECS.containsKey(name + ":" + version);
  }

  /** Every supported schema id. */
  public static List<OmhSchemaId> supported() {
    return SPECS.values().stream().map(s -> OmhSchemaId.omh(s.name(), s.version())).toList();
  }

  /** Reads a data point ({@code {"header": {"schema_id": ...}, "body": {...}}}). */
  public OmhReading readDataPoint(String json, PersonId subject, ZoneId memberZone, Source source) {
    JsonNode root = parse(json);
    JsonNode id = root.path("header").path("schema_id");
    if (!id.isObject()) {
      throw new ValidationException("header.schema_id", "omh.required", "a data point needs header.schema_id");
    }
    OmhSchemaId schema;
    try {
      schema = new OmhSchemaId(id.path("namespace").asText(null), id.path("name").asText(null),
          id.path("version").asText(null));
    } catch (ValidationException e) {
      throw new ValidationException("header.schema_id", "omh.schema_id",
          "header.schema_id needs namespace, name and version");
    }
    return read(schema, root.path("body"), "body.", subject, memberZone, source);
  }

  /** Reads a bare measure body of the given schema version. */
  public OmhReading read(OmhSchemaId schema, String json, PersonId subject, ZoneId memberZone, Source source) {
    return read(schema, parse(json), "", subject, memberZone, source);
  }

  private OmhReading read(OmhSchemaId schema, JsonNode body, String path, PersonId subject, ZoneId zone,
      Source source) {
    Check.notNull(schema, "schema");
    Check.notNull(subject, "subject");
    Check.notNull(zone, "memberZone");
    Check.notNull(source, "source");
    Spec spec = schema.namespace().equals("omh") ? SPECS.get(schema.name() + ":" + schema.version()) : null;
    if (spec == null) {
      throw new ValidationException("schema_id", "omh.schema.unsupported", "schema " + schema
          + " is not supported; supported: " + String.join(", ", SPECS.keySet()));
    }
    if (!body.isObject()) {
      throw new ValidationException(path.isEmpty() ? "body" : path, "omh.type", "the body must be a JSON object");
    }
    Document d = new Document(spec, body, path, zone);
    Reading.Builder b = switch (spec.name()) {
      case "blood-glucose" -> d.bloodGlucose(subject);
      case "blood-pressure" -> d.bloodPressure(subject);
      case "body-temperature" -> d.single(subject, ObservationTypes.BODY_TEMPERATURE, "body_temperature",
          Set.of("K", "F", "C"));
      case "body-weight" -> d.bodyWeight(subject);
      case "heart-rate" -> d.single(subject, ObservationTypes.HEART_RATE, "heart_rate", Set.of("beats/min"));
      case "oxygen-saturation" -> d.oxygenSaturation(subject);
      default -> throw new IllegalStateException("no reader for " + spec.name());
    };
    d.common(b);
    if (!d.violations.isEmpty()) {
      throw new ValidationException(d.violations);
    }
    d.time(b, clock.instant());
    if (!d.violations.isEmpty()) {
      throw new ValidationException(d.violations);
    }
    b.source(source).importedFrom(FORMAT_PREFIX + spec.name() + ":" + spec.version(), null);
    return new OmhReading(b.build(), d.warnings);
  }

  private static JsonNode parse(String json) {
    Check.notNull(json, "json");
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ValidationException("json", "omh.json.malformed", "the document is not well-formed JSON");
    }
  }

  /** The state of reading one document: violations and warnings collected along the way. */
  private static final class Document {
    final Spec spec;
    final JsonNode body;
    final String path;
    final ZoneId zone;
    final List<FieldViolation> violations = new ArrayList<>();
    final List<ImportIssue> warnings = new ArrayList<>();
    ObservationContext context = ObservationContext.NONE;

    Document(Spec spec, JsonNode body, String path, ZoneId zone) {
      this.spec = spec;
      this.body = body;
      this.path = path;
      this.zone = zone;
    }

    Reading.Builder bloodGlucose(PersonId subject) {
      double[] v = unitValue("blood_glucose", Set.of("mg/dL", "mmol/L"));
      Reading.Builder b = Reading.builder(subject, ObservationTypes.BLOOD_GLUCOSE);
      if (v != null) {
        b.values(body.path("blood_glucose").path("unit").asText(), v[0]);
      }
      String specimenField = spec.enums().containsKey("blood_specimen_type") ? "blood_specimen_type" : "specimen_source";
      String specimen = enumValue(specimenField);
      if (specimen != null) {
        Specimen s = switch (specimen) {
          case "whole blood" -> Specimen.WHOLE_BLOOD;
          case "plasma" -> Specimen.PLASMA;
          case "serum" -> Specimen.SERUM;
          case "interstitial fluid" -> Specimen.INTERSTITIAL_FLUID;
          case "capillary blood" -> Specimen.CAPILLARY_BLOOD;
          case "tears", "lacrimal fluid" -> Specimen.TEARS;
          default -> null;
        };
        if (s == null) {
          violations.add(new FieldViolation(path + specimenField, "omh.specimen.unsupported",
              "glucose measured in " + specimen + " is not blood glucose; the SDK does not import it"));
        } else {
          context = context.withSpecimen(s);
        }
      }
      String meal = enumValue("temporal_relationship_to_meal");
      if (meal != null) {
        context = context.withMeal(switch (meal) {
          case "fasting" -> MealRelation.FASTING;
          case "not fasting" -> MealRelation.NOT_FASTING;
          case "before meal" -> MealRelation.BEFORE_MEAL;
          case "after meal" -> MealRelation.AFTER_MEAL;
          case "before breakfast" -> MealRelation.BEFORE_BREAKFAST;
          case "after breakfast" -> MealRelation.AFTER_BREAKFAST;
          case "before lunch" -> MealRelation.BEFORE_LUNCH;
          case "after lunch" -> MealRelation.AFTER_LUNCH;
          case "before dinner" -> MealRelation.BEFORE_DINNER;
          case "after dinner" -> MealRelation.AFTER_DINNER;
          default -> MealRelation.TWO_HOURS_POSTPRANDIAL;
        });
      }
      sleep();
      return b;
    }

    Reading.Builder bloodPressure(PersonId subject) {
      double[] sys = unitValue("systolic_blood_pressure", Set.of("mmHg"));
      double[] dia = unitValue("diastolic_blood_pressure", Set.of("mmHg"));
      Reading.Builder b = Reading.builder(subject, ObservationTypes.BLOOD_PRESSURE);
      if (sys != null && dia != null) {
        b.values("mmHg", sys[0], dia[0]);
      }
      String posture = enumValue(spec.enums().containsKey("position_during_measurement")
          ? "position_during_measurement" : "body_posture");
      if (posture != null) {
        context = context.withPosition(switch (posture) {
          case "sitting" -> BodyPosition.SITTING;
          case "standing" -> BodyPosition.STANDING;
          case "semi-recumbent" -> BodyPosition.SEMI_RECUMBENT;
          default -> BodyPosition.LYING;
        });
      }
      String location = enumValue("measurement_location");
      if (location != null) {
        context = context.withSite(MeasurementSite.valueOf(location.toUpperCase(java.util.Locale.ROOT).replace(' ', '_')));
      }
      activity();
      return b;
    }

    Reading.Builder single(PersonId subject, String type, String field, Set<String> units) {
      double[] v = unitValue(field, units);
      Reading.Builder b = Reading.builder(subject, type);
      if (v != null) {
        b.values(body.path(field).path("unit").asText(), v[0]);
      }
      if (type.equals(ObservationTypes.BODY_TEMPERATURE)) {
        String location = enumValue("measurement_location");
        if (location != null) {
          context = context.withSite(switch (location) {
            case "axillary" -> MeasurementSite.AXILLARY;
            case "finger" -> MeasurementSite.FINGER;
            case "forehead" -> MeasurementSite.FOREHEAD;
            case "oral" -> MeasurementSite.ORAL;
            case "rectal" -> MeasurementSite.RECTAL;
            case "temporal artery" -> MeasurementSite.TEMPORAL_ARTERY;
            case "toe" -> MeasurementSite.TOE;
            case "tympanic", "otic" -> MeasurementSite.TYMPANIC;
            case "wrist" -> MeasurementSite.WRIST;
            case "chest" -> MeasurementSite.CHEST;
            default -> MeasurementSite.VAGINAL;
          });
        }
      }
      sleep();
      activity();
      return b;
    }

    Reading.Builder bodyWeight(PersonId subject) {
      double[] v = unitValue("body_weight", MASS_UNITS);
      Reading.Builder b = Reading.builder(subject, ObservationTypes.BODY_WEIGHT);
      if (v != null) {
        String unit = body.path("body_weight").path("unit").asText();
        if (!Set.of("kg", "g", "lb", "oz").contains(unit)) {
          violations.add(new FieldViolation(path + "body_weight.unit", "omh.unit.unsupported",
              "body weight in " + unit + " is valid Open mHealth but not a body weight the SDK accepts (kg, g, lb, oz)"));
        } else {
          b.values(unit, v[0]);
        }
      }
      return b;
    }

    Reading.Builder oxygenSaturation(PersonId subject) {
      double[] v = unitValue("oxygen_saturation", Set.of("%"));
      Reading.Builder b = Reading.builder(subject, ObservationTypes.OXYGEN_SATURATION);
      if (v != null) {
        b.values("%", v[0]);
      }
      enumValue("system");
      enumValue("measurement_method");
      enumValue("oxygen_therapy_mode_of_administration");
      if (body.has("supplemental_oxygen_flow_rate")) {
        double[] flow = unitValue("supplemental_oxygen_flow_rate", Set.of("L/min"));
        if (flow != null) {
          warnings.add(new ImportIssue("document", path + "supplemental_oxygen_flow_rate",
              "omh.supplemental_oxygen.not_kept", "the reading was taken on supplemental oxygen; the SDK does not"
                  + " keep the flow rate"));
        }
      }
      return b;
    }

    void sleep() {
      String sleep = enumValue("temporal_relationship_to_sleep");
      if (sleep != null) {
        context = context.withSleep(switch (sleep) {
          case "before sleeping" -> SleepRelation.BEFORE_SLEEPING;
          case "during sleep" -> SleepRelation.DURING_SLEEP;
          default -> SleepRelation.ON_WAKING;
        });
      }
    }

    void activity() {
      String activity = enumValue("temporal_relationship_to_physical_activity");
      if (activity != null) {
        context = context.withActivity(switch (activity) {
          case "at rest" -> ActivityRelation.AT_REST;
          case "active" -> ActivityRelation.ACTIVE;
          case "before exercise" -> ActivityRelation.BEFORE_EXERCISE;
          case "after exercise" -> ActivityRelation.AFTER_EXERCISE;
          default -> ActivityRelation.DURING_EXERCISE;
        });
      }
    }

    void common(Reading.Builder b) {
      String statistic = null;
      if (body.has("descriptive_statistic")) {
        JsonNode s = body.get("descriptive_statistic");
        if (!s.isTextual() || !spec.statistics().contains(s.asText())) {
          violations.add(new FieldViolation(path + "descriptive_statistic", "omh.enum",
              "descriptive_statistic is not one of the values of this schema version"));
        } else {
          statistic = s.asText();
        }
      }
      if (statistic != null) {
        b.statistic(switch (statistic) {
          case "average" -> DescriptiveStatistic.AVERAGE;
          case "count" -> DescriptiveStatistic.COUNT;
          case "maximum" -> DescriptiveStatistic.MAXIMUM;
          case "median" -> DescriptiveStatistic.MEDIAN;
          case "minimum" -> DescriptiveStatistic.MINIMUM;
          case "standard deviation" -> DescriptiveStatistic.STANDARD_DEVIATION;
          case "sum" -> DescriptiveStatistic.SUM;
          case "variance" -> DescriptiveStatistic.VARIANCE;
          case "20th percentile" -> DescriptiveStatistic.PERCENTILE_20;
          case "80th percentile" -> DescriptiveStatistic.PERCENTILE_80;
          case "lower quartile" -> DescriptiveStatistic.LOWER_QUARTILE;
          case "upper quartile" -> DescriptiveStatistic.UPPER_QUARTILE;
          case "quartile deviation" -> DescriptiveStatistic.QUARTILE_DEVIATION;
          case "1st quintile" -> DescriptiveStatistic.QUINTILE_1;
          case "2nd quintile" -> DescriptiveStatistic.QUINTILE_2;
          case "3rd quintile" -> DescriptiveStatistic.QUINTILE_3;
          default -> DescriptiveStatistic.QUINTILE_4;
        });
      }
      if (body.has("user_notes")) {
        if (spec.notes() && !body.get("user_notes").isTextual()) {
          violations.add(new FieldViolation(path + "user_notes", "omh.type", "user_notes must be a string"));
        } else {
          warnings.add(new ImportIssue("document", path + "user_notes", "omh.user_notes.not_kept",
              "free-text notes are not stored (they may hold anything, including personal data)"));
        }
      }
      b.context(context);
    }

    /** A {value, unit} object with a number and an allowed unit; null (and a violation) if not. */
    double[] unitValue(String field, Set<String> units) {
      JsonNode n = body.get(field);
      if (n == null || n.isNull()) {
        violations.add(new FieldViolation(path + field, "omh.required", field + " is required"));
        return null;
      }
      if (!n.isObject()) {
        violations.add(new FieldViolation(path + field, "omh.type", field + " must be an object with value and unit"));
        return null;
      }
      JsonNode value = n.get("value");
      JsonNode unit = n.get("unit");
      boolean ok = true;
      if (value == null || !value.isNumber()) {
        violations.add(new FieldViolation(path + field + ".value", value == null ? "omh.required" : "omh.type",
            field + ".value must be a number"));
        ok = false;
      }
      if (unit == null || !unit.isTextual()) {
        violations.add(new FieldViolation(path + field + ".unit", unit == null ? "omh.required" : "omh.type",
            field + ".unit is required"));
        ok = false;
      } else if (!units.contains(unit.asText())) {
        violations.add(new FieldViolation(path + field + ".unit", "omh.unit",
            field + ".unit must be one of " + String.join(", ", new java.util.TreeSet<>(units))));
        ok = false;
      }
      return ok ? new double[] {value.asDouble()} : null;
    }

    /** The value of an enumerated string field, or null when absent (a violation when not allowed). */
    String enumValue(String field) {
      JsonNode n = body.get(field);
      if (n == null) {
        return null;
      }
      Set<String> allowed = spec.enums().get(field);
      if (allowed == null) {
        return null; // a property this version does not define: JSON Schema allows it unless closed
      }
      if (!n.isTextual() || !allowed.contains(n.asText())) {
        violations.add(new FieldViolation(path + field, "omh.enum",
            field + " must be one of: " + String.join(", ", new java.util.TreeSet<>(allowed))));
        return null;
      }
      return n.asText();
    }

    void time(Reading.Builder b, Instant received) {
      String field = path + "effective_time_frame";
      JsonNode tf = body.get("effective_time_frame");
      if (tf == null) {
        if (spec.timeRequired()) {
          violations.add(new FieldViolation(field, "omh.required", "effective_time_frame is required in "
              + spec.name() + " " + spec.version()));
          return;
        }
        warnings.add(new ImportIssue("document", field, "omh.time_frame.absent",
            "the document has no time; the reading takes the time it was received"));
        b.at(received, zone.getRules().getOffset(received)).timeBasis(TimeBasis.RECEIVED);
        return;
      }
      if (!tf.isObject()) {
        violations.add(new FieldViolation(field, "omh.time_frame", "effective_time_frame must be an object"));
        return;
      }
      boolean hasPoint = tf.has("date_time");
      boolean hasInterval = tf.has("time_interval");
      if (hasPoint == hasInterval) {
        violations.add(new FieldViolation(field, "omh.time_frame",
            "effective_time_frame needs exactly one of date_time or time_interval"));
        return;
      }
      if (hasPoint) {
        OffsetDateTime t = dateTime(tf.get("date_time"), field + ".date_time");
        if (t != null) {
          b.at(t);
        }
        return;
      }
      interval(b, tf.get("time_interval"), field + ".time_interval");
    }

    private void interval(Reading.Builder b, JsonNode ti, String field) {
      if (!ti.isObject()) {
        violations.add(new FieldViolation(field, "omh.time_frame", "time_interval must be an object"));
        return;
      }
      boolean start = ti.has("start_date_time");
      boolean end = ti.has("end_date_time");
      boolean duration = ti.has("duration");
      boolean dayPart = ti.has("date") || ti.has("part_of_day");
      if (dayPart && spec.partOfDay() && !start && !end && !duration) {
        partOfDay(b, ti, field);
        return;
      }
      int forms = (start && end ? 1 : 0) + (start && duration ? 1 : 0) + (end && duration ? 1 : 0);
      if (forms != 1 || dayPart) {
        violations.add(new FieldViolation(field, "omh.time_frame", "time_interval needs exactly one of: start and"
            + " end, start and duration, end and duration" + (spec.partOfDay() ? ", date and part_of_day" : "")));
        return;
      }
      OffsetDateTime s = start ? dateTime(ti.get("start_date_time"), field + ".start_date_time") : null;
      OffsetDateTime e = end ? dateTime(ti.get("end_date_time"), field + ".end_date_time") : null;
      Duration d = duration ? duration(ti.get("duration"), field + ".duration") : null;
      if (!violations.isEmpty()) {
        return;
      }
      if (s == null) {
        s = e.minus(d);
      } else if (e == null) {
        e = s.plus(d);
      }
      b.at(s);
      if (e.toInstant().isBefore(s.toInstant())) {
        warnings.add(new ImportIssue("document", field + ".end_date_time", "omh.time_interval.inverted",
            "the interval ends before it starts; the reading is kept at its start and the end is dropped"));
      } else {
        b.until(e.toInstant());
      }
    }

    private void partOfDay(Reading.Builder b, JsonNode ti, String field) {
      JsonNode date = ti.get("date");
      JsonNode part = ti.get("part_of_day");
      LocalDate day = null;
      if (date == null || !date.isTextual()) {
        violations.add(new FieldViolation(field + ".date", "omh.required", "date is required with part_of_day"));
      } else {
        try {
          day = LocalDate.parse(date.asText());
        } catch (DateTimeParseException ex) {
          violations.add(new FieldViolation(field + ".date", "omh.date", "date must look like 2013-02-05"));
        }
      }
      if (part == null || !part.isTextual() || !PART_OF_DAY.contains(part.asText())) {
        violations.add(new FieldViolation(field + ".part_of_day", "omh.enum",
            "part_of_day must be one of: afternoon, evening, morning, night"));
        return;
      }
      if (day == null) {
        return;
      }
      LocalTime from;
      LocalDateTime to;
      switch (part.asText()) {
        case "morning" -> {
          from = LocalTime.of(6, 0);
          to = day.atTime(12, 0);
        }
        case "afternoon" -> {
          from = LocalTime.NOON;
          to = day.atTime(18, 0);
        }
        case "evening" -> {
          from = LocalTime.of(18, 0);
          to = day.atTime(22, 0);
        }
        default -> {
          from = LocalTime.of(22, 0);
          to = day.plusDays(1).atTime(6, 0);
        }
      }
      ZonedDateTime start = day.atTime(from).atZone(zone);
      b.at(start.toOffsetDateTime()).until(to.atZone(zone).toInstant()).timeBasis(TimeBasis.PART_OF_DAY);
    }

    private OffsetDateTime dateTime(JsonNode n, String field) {
      if (n == null || !n.isTextual()) {
        violations.add(new FieldViolation(field, "omh.date_time", field + " must be an RFC 3339 date-time"));
        return null;
      }
      try {
        return OffsetDateTime.parse(n.asText());
      } catch (DateTimeParseException e) {
        try {
          LocalDateTime local = LocalDateTime.parse(n.asText());
          warnings.add(new ImportIssue("document", field, "omh.date_time.no_offset",
              "the date-time has no offset; read as UTC, as the schema says"));
          return local.atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e2) {
          violations.add(new FieldViolation(field, "omh.date_time", field + " must be an RFC 3339 date-time"));
          return null;
        }
      }
    }

    private Duration duration(JsonNode n, String field) {
      if (n == null || !n.isObject() || !n.path("value").isNumber() || !n.path("unit").isTextual()
          || !DURATION_UNITS.contains(n.path("unit").asText())) {
        violations.add(new FieldViolation(field, "omh.duration", field + " needs a numeric value and a unit of "
            + String.join(", ", new java.util.TreeSet<>(DURATION_UNITS))));
        return null;
      }
      double v = n.path("value").asDouble();
      double seconds = switch (n.path("unit").asText()) {
        case "ps" -> v * 1e-12;
        case "ns" -> v * 1e-9;
        case "us" -> v * 1e-6;
        case "ms" -> v * 1e-3;
        case "sec" -> v;
        case "min" -> v * 60;
        case "h" -> v * 3600;
        case "d" -> v * 86_400;
        case "wk" -> v * 604_800;
        case "Mo" -> v * 2_629_746; // a mean Gregorian month
        default -> v * 31_556_952; // a mean Gregorian year
      };
      if (!(seconds >= 0) || seconds > 3.2e9) {
        violations.add(new FieldViolation(field, "omh.duration", field + " must be between 0 and 100 years"));
        return null;
      }
      return Duration.ofNanos((long) (seconds * 1e9));
    }
  }
}
