package io.kinhealth.family.fhir;

import io.kinhealth.family.observation.MealRelation;
import io.kinhealth.family.observation.MeasurementSite;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The code systems, profiles and identifier systems the SDK's FHIR R4 resources use. KinHealth's own codes (context a
 * standard has no element for: meal relation, measurement site) live under {@value #SYSTEM_BASE}; identifiers of SDK
 * objects under {@value #ID_SYSTEM_BASE}.
 */
public final class FhirCodes {
  public static final String LOINC = "http://loinc.org";
  public static final String UCUM = "http://unitsofmeasure.org";
  public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
  public static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
  public static final String PROFILE_BASE = "http://hl7.org/fhir/StructureDefinition/";
  public static final String VITAL_SIGNS_PROFILE = PROFILE_BASE + "vitalsigns";
  public static final String SYSTEM_BASE = "https://kinhealth.io/fhir/CodeSystem/";
  /** The relation of a reading to meals (fasting, 2 h after a meal, the draws of an OGTT). */
  public static final String MEAL_SYSTEM = SYSTEM_BASE + "meal-relation";
  /** Where on the body a measurement was taken (Observation.bodySite). */
  public static final String SITE_SYSTEM = SYSTEM_BASE + "measurement-site";
  public static final String ID_SYSTEM_BASE = "urn:kinhealth:id:";
  /** {@code meta.source} of an exported observation: this prefix, the source kind, ':', the source id. */
  public static final String SOURCE_PREFIX = "urn:kinhealth:source:";

  /** The R4 vital-signs profile specific to a LOINC code (the generic one applies to every vital sign). */
  static final Map<String, String> SPECIFIC_PROFILES = Map.of(
      "85354-9", "bp", "8867-4", "heartrate", "2708-6", "oxygensat", "59408-5", "oxygensat", "8310-5", "bodytemp",
      "29463-7", "bodyweight", "8302-2", "bodyheight", "39156-5", "bmi", "9279-1", "resprate", "9843-4", "headcircum");

  static final Map<String, String> CATEGORY_DISPLAY = Map.of("vital-signs", "Vital Signs", "laboratory", "Laboratory",
      "activity", "Activity", "exam", "Exam", "survey", "Survey", "social-history", "Social History",
      "imaging", "Imaging", "procedure", "Procedure", "therapy", "Therapy");

  /** Human-readable units for UCUM codes, as {@code Quantity.unit}. */
  static final Map<String, String> UNIT_DISPLAY = Map.of("mm[Hg]", "mmHg", "/min", "beats/minute", "Cel", "°C",
      "kg/m2", "kg/m2", "{steps}", "steps", "{movements}", "movements");

  private FhirCodes() {}

  public static String code(MealRelation meal) {
    return meal.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static String code(MeasurementSite site) {
    return site.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<MealRelation> meal(String code) {
    return parse(MealRelation.class, code);
  }

  public static Optional<MeasurementSite> site(String code) {
    return parse(MeasurementSite.class, code);
  }

  private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
    if (code == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, code.toUpperCase(Locale.ROOT).replace('-', '_')));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String display(String code) {
    String[] words = code.split("-");
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(w);
    }
    sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
    return sb.toString();
  }
}
