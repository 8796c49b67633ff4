package io.kinhealth.family.observation;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of observation the SDK understands, as registered in {@link ObservationTypes}: its stable key, LOINC
 * coding (with context-specific variants), the consent data category that reading it falls under, its FHIR
 * observation category, how it aggregates, its components with canonical UCUM units and plausible ranges, the
 * input units it accepts and the context fields it may carry.
 *
 * <p>Immutable and thread-safe. Two types are equal when their keys are equal (a registry holds one type per key).
 */
public final class ObservationType {
  private final String key;
  private final String display;
  private final String displayZh;
  private final Coding coding;
  private final List<CodingVariant> variants;
  private final List<Coding> additionalCodings;
  private final String dataCategory;
  private final String fhirCategory;
  private final Aggregation aggregation;
  private final List<ComponentType> components;
  private final Map<String, UnitConversion> units;
  private final Set<ContextField> contextFields;

  private ObservationType(Builder b) {
    this.key = Check.text(b.key, "type.key", 64);
    this.display = Check.text(b.display, "type.display", 100);
    this.displayZh = Check.text(b.displayZh == null ? b.display : b.displayZh, "type.displayZh", 100);
    this.coding = Check.notNull(b.coding, "type.coding");
    this.variants = List.copyOf(Check.noNulls(b.variants, "type.variants"));
    this.additionalCodings = List.copyOf(Check.noNulls(b.additionalCodings, "type.additionalCodings"));
    this.dataCategory = Check.text(b.dataCategory, "type.dataCategory", 100);
    this.fhirCategory = Check.text(b.fhirCategory, "type.fhirCategory", 64);
    this.aggregation = Check.notNull(b.aggregation, "type.aggregation");
    this.components = List.copyOf(Check.notEmpty(b.components, "type.components"));
    Map<String, UnitConversion> u = new LinkedHashMap<>();
    for (UnitConversion c : Check.notEmpty(b.units, "type.units")) {
      if (u.put(c.unit(), c) != null) {
        throw new ValidationException("type.units", "type.unit_duplicate", "unit listed twice for type " + key);
      }
    }
    this.units = Collections.unmodifiableMap(u);
    this.contextFields = Collections.unmodifiableSet(b.contextFields.isEmpty()
        ? EnumSet.noneOf(ContextField.class) : EnumSet.copyOf(b.contextFields));
    String canonical = components.get(0).ucumUnit();
    for (ComponentType c : components) {
      Check.that(c.ucumUnit().equals(canonical), "type.components", "type.units_differ",
          "all components of a type share one canonical unit");
    }
    UnitConversion identity = units.get(canonical);
    Check.that(identity != null && identity.factor() == 1.0 && identity.offset() == 0.0, "type.units",
        "type.canonical_unit_missing", "the canonical unit must be accepted with factor 1 and offset 0");
    Check.that(aggregation == Aggregation.SAMPLE || components.size() == 1, "type.components",
        "type.total_single_component", "a TOTAL type has exactly one component");
  }

  public static Builder builder(String key) {
    return new Builder(key);
  }

  /** The stable key, e.g. {@code blood-pressure}. */
  public String key() {
    return key;
  }

  public String display() {
    return display;
  }

  /** The Chinese display name, e.g. 血压. */
  public String displayZh() {
    return displayZh;
  }

  /** The type's code (for blood pressure the LOINC panel 85354-9). */
  public Coding coding() {
    return coding;
  }

  /** The most specific code for a reading with this context (e.g. fasting glucose 14771-0), else {@link #coding()}. */
  public Coding codingFor(ObservationContext context) {
    CodingVariant best = null;
    for (CodingVariant v : variants) {
      if (v.matches(context) && (best == null || v.specificity() > best.specificity())) {
        best = v;
      }
    }
    return best == null ? coding : best.coding();
  }

  public List<CodingVariant> variants() {
    return variants;
  }

  /** Further codes every reading of this type also carries (SpO2 by pulse oximetry: 59408-5 beside 2708-6). */
  public List<Coding> additionalCodings() {
    return additionalCodings;
  }

  /** The consent data category reading this type falls under, e.g. {@code health.vital_signs}. */
  public String dataCategory() {
    return dataCategory;
  }

  /** The FHIR observation category code, e.g. {@code vital-signs}, {@code laboratory}, {@code activity}. */
  public String fhirCategory() {
    return fhirCategory;
  }

  public Aggregation aggregation() {
    return aggregation;
  }

  public List<ComponentType> components() {
    return components;
  }

  public boolean hasComponents() {
    return components.size() > 1;
  }

  public ComponentType component(String componentKey) {
    for (ComponentType c : components) {
      if (c.key().equals(componentKey)) {
        return c;
      }
    }
    throw new ValidationException("component", "observation.component.unknown",
        "type " + key + " has no component " + componentKey);
  }

  /** The canonical UCUM unit all values are stored in. */
  public String canonicalUnit() {
    return components.get(0).ucumUnit();
  }

  /** Accepted input units by their spelling. */
  public Map<String, UnitConversion> units() {
    return units;
  }

  public Optional<UnitConversion> unit(String spelling) {
    return spelling == null ? Optional.empty() : Optional.ofNullable(units.get(spelling));
  }

  public Set<ContextField> contextFields() {
    return contextFields;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObservationType t && t.key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return "ObservationType[" + key + "]";
  }

  /** Builds a type; {@link #build()} validates it. */
  public static final class Builder {
    private final String key;
    private String display;
    private String displayZh;
    private Coding coding;
    private final List<CodingVariant> variants = new ArrayList<>();
    private final List<Coding> additionalCodings = new ArrayList<>();
    private String dataCategory = "health.vital_signs";
    private String fhirCategory = "vital-signs";
    private Aggregation aggregation = Aggregation.SAMPLE;
    private final List<ComponentType> components = new ArrayList<>();
    private final List<UnitConversion> units = new ArrayList<>();
    private final Set<ContextField> contextFields = EnumSet.noneOf(ContextField.class);

    private Builder(String key) {
      this.key = key;
    }

    public Builder display(String english, String chinese) {
      this.display = english;
      this.displayZh = chinese;
      return this;
    }

    public Builder coding(Coding value) {
      this.coding = value;
      return this;
    }

    public Builder variant(CodingVariant value) {
      variants.add(value);
      return this;
    }

    public Builder additionalCoding(Coding value) {
      additionalCodings.add(value);
      return this;
    }

    public Builder dataCategory(String value) {
      this.dataCategory = value;
      return this;
    }

    public Builder fhirCategory(String value) {
      this.fhirCategory = value;
      return this;
    }

    public Builder aggregation(Aggregation value) {
      this.aggregation = value;
      return this;
    }

    public Builder component(ComponentType value) {
      components.add(value);
      return this;
    }

    public Builder unit(String spelling, double factor, double offset) {
      units.add(new UnitConversion(spelling, factor, offset));
      return this;
    }

    public Builder contextFields(Set<ContextField> values) {
      contextFields.addAll(values);
      return this;
    }

    public ObservationType build() {
      return new ObservationType(this);
    }
  }
}
