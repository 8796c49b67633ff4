package io.kinhealth.family.observation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinhealth.core.error.IntegrityException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of observation types: which kinds of reading exist, with their codes, units and ranges.
 *
 * <p>{@link #defaults()} is loaded from the versioned resource {@value #DEFAULT_RESOURCE}, which cites its sources;
 * a host may add or replace types with {@link #builder(ObservationTypes)}. Immutable and thread-safe.
 */
public final class ObservationTypes {
  public static final String DEFAULT_RESOURCE = "/io/kinhealth/family/observation/observation-types-v1.json";

  public static final String BLOOD_PRESSURE = "blood-pressure";
  public static final String HEART_RATE = "heart-rate";
  public static final String FETAL_HEART_RATE = "fetal-heart-rate";
  public static final String OXYGEN_SATURATION = "oxygen-saturation";
  public static final String BODY_TEMPERATURE = "body-temperature";
  public static final String BODY_WEIGHT = "body-weight";
  public static final String BODY_HEIGHT = "body-height";
  public static final String BODY_MASS_INDEX = "body-mass-index";
  public static final String BLOOD_GLUCOSE = "blood-glucose";
  public static final String STEPS = "steps";
  public static final String FETAL_MOVEMENTS = "fetal-movements";

  private static volatile ObservationTypes defaults;

  private final String version;
  private final List<String> sources;
  private final Map<String, ObservationType> types;

  private ObservationTypes(String version, List<String> sources, Map<String, ObservationType> types) {
    this.version = version;
    this.sources = List.copyOf(sources);
    this.types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
  }

  /** The SDK's default registry (loaded once from {@value #DEFAULT_RESOURCE}). */
  public static ObservationTypes defaults() {
    ObservationTypes d = defaults;
    if (d == null) {
      synchronized (ObservationTypes.class) {
        d = defaults;
        if (d == null) {
          try (InputStream in = ObservationTypes.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
              throw new IntegrityException("observation_types.missing", null, "default observation types not found");
            }
            d = load(in);
          } catch (IOException e) {
            throw new IntegrityException("observation_types.unreadable", null, "default observation types unreadable", e);
          }
          defaults = d;
        }
      }
    }
    return d;
  }

  /** Loads a registry from a JSON document in the format of {@value #DEFAULT_RESOURCE}. */
  public static ObservationTypes load(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Check.notNull(json, "json"));
    String version = Check.text(root.path("version").asText(null), "version", 100);
    List<String> sources = new ArrayList<>();
    root.path("sources").forEach(n -> sources.add(n.asText()));
    Builder b = new Builder(version, sources);
    for (JsonNode t : root.path("types")) {
      b.add(parseType(t));
    }
    return b.build();
  }

  private static ObservationType parseType(JsonNode t) {
    ObservationType.Builder b = ObservationType.builder(t.path("key").asText(null))
        .display(t.path("display").asText(null), t.path("displayZh").asText(null))
        .coding(coding(t.path("coding")))
        .dataCategory(t.path("dataCategory").asText(null))
        .fhirCategory(t.path("fhirCategory").asText(null))
        .aggregation(Aggregation.valueOf(t.path("aggregation").asText("SAMPLE")));
    for (JsonNode v : t.path("variants")) {
      b.variant(new CodingVariant(coding(v.path("coding")),
          v.hasNonNull("meal") ? MealRelation.valueOf(v.get("meal").asText()) : null,
          v.hasNonNull("specimen") ? Specimen.valueOf(v.get("specimen").asText()) : null));
    }
    for (JsonNode c : t.path("additionalCodings")) {
      b.additionalCoding(coding(c));
    }
    for (JsonNode c : t.path("components")) {
      b.component(new ComponentType(c.path("key").asText(null), coding(c.path("coding")), c.path("ucum").asText(null),
          range(c.path("plausible")), c.path("duplicateTolerance").asDouble(0),
          c.hasNonNull("targetRange") ? range(c.get("targetRange")) : null));
    }
    for (JsonNode u : t.path("units")) {
      double factor = u.has("divisor") ? 1.0 / u.get("divisor").asDouble() : u.path("factor").asDouble(1);
      b.unit(u.path("unit").asText(null), factor, u.path("offset").asDouble(0));
    }
    Set<ContextField> context = EnumSet.noneOf(ContextField.class);
    for (JsonNode f : t.path("context")) {
      context.add(ContextField.valueOf(f.asText()));
    }
    return b.contextFields(context).build();
  }

  private static Coding coding(JsonNode n) {
    return new Coding(n.path("system").asText(null), n.path("code").asText(null), n.path("display").asText(null));
  }

  private static ValueRange range(JsonNode n) {
    return new ValueRange(n.path(0).asDouble(Double.NaN), n.path(1).asDouble(Double.NaN));
  }

  /** A builder starting from an existing registry's types (to add or replace some). */
  public static Builder builder(ObservationTypes base) {
    Builder b = new Builder(base.version + "+host", base.sources);
    base.types.values().forEach(b::add);
    return b;
  }

  /** The registry's version, e.g. {@code observation-types/2026.1}. */
  public String version() {
    return version;
  }

  /** Where the registry's codes, units and ranges come from. */
  public List<String> sources() {
    return sources;
  }

  /** The type with this key, or a {@link ValidationException} (reason {@code observation.type.unknown}). */
  public ObservationType get(String key) {
    ObservationType t = key == null ? null : types.get(key);
    if (t == null) {
      throw new ValidationException("type", "observation.type.unknown",
          "unknown observation type; known: " + String.join(", ", types.keySet()));
    }
    return t;
  }

  public Optional<ObservationType> find(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(types.get(key));
  }

  /** The type whose main code is this LOINC (or SDK) code, e.g. {@code 55283-6} is fetal heart rate. */
  public Optional<ObservationType> findByCode(String system, String code) {
    for (ObservationType t : types.values()) {
      if (t.coding().system().equals(system) && t.coding().code().equals(code)) {
        return Optional.of(t);
      }
      for (CodingVariant v : t.variants()) {
        if (v.coding().system().equals(system) && v.coding().code().equals(code)) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }

  public Collection<ObservationType> all() {
    return types.values();
  }

  /** Builds a registry; a later type with the same key replaces an earlier one. */
  public static final class Builder {
    private final String version;
    private final List<String> sources;
    private final Map<String, ObservationType> types = new LinkedHashMap<>();

    private Builder(String version, List<String> sources) {
      this.version = version;
      this.sources = new ArrayList<>(sources);
    }

    public Builder add(ObservationType type) {
      Check.notNull(type, "type");
      types.put(type.key(), type);
      return this;
    }

    public Builder source(String citation) {
      sources.add(Check.text(citation, "source", 500));
      return this;
    }

    public ObservationTypes build() {
      Check.that(!types.isEmpty(), "types", "observation_types.empty", "a registry needs at least one type");
      return new ObservationTypes(version, sources, types);
    }
  }
}
