package io.kinhealth.family.observation;

import io.kinhealth.core.error.FieldViolation;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.spi.IdGenerator;
import io.kinhealth.core.validation.Check;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks raw {@link Reading}s and turns them into {@link Observation}s in canonical units.
 *
 * <p>Guarantees: a unit the type does not accept, a value outside the component's plausible range (an SpO2 of 120%),
 * a diastolic above its systolic, a time in the future (beyond {@link #clockSkew()}), a missing period for a count,
 * or context that does not apply to the type is rejected with a {@link ValidationException} listing every
 * problem, each naming its field ({@code unit}, {@code value}, {@code values.diastolic}, {@code effectiveAt},
 * ...); messages never echo the values. Conversions are the type's linear unit conversions (glucose mg/dL ÷ 18.016,
 * °F → °C, lb → kg, in → cm). Thread-safe; no per-call allocation beyond the observation itself.
 */
public final class ObservationNormaliser {
  /** Readings stamped up to this far in the future are accepted (device clocks drift). */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

  private final ObservationTypes types;
  private final Clock clock;
  private final IdGenerator ids;
  private final Duration clockSkew;

  public ObservationNormaliser(ObservationTypes types, Clock clock, IdGenerator ids) {
    this(types, clock, ids, DEFAULT_CLOCK_SKEW);
  }

  public ObservationNormaliser(ObservationTypes types, Clock clock, IdGenerator ids, Duration clockSkew) {
    this.types = Check.notNull(types, "types");
    this.clock = Check.notNull(clock, "clock");
    this.ids = Check.notNull(ids, "ids");
    this.clockSkew = Check.notNull(clockSkew, "clockSkew");
  }

  public ObservationTypes types() {
    return types;
  }

  public Duration clockSkew() {
    return clockSkew;
  }

  /** Normalises one reading or throws a {@link ValidationException} listing every problem. */
  public Observation normalise(Reading r) {
    return normalise(r, clock.instant());
  }

  /**
   * Normalises one reading as of {@code now}: it is recorded at {@code now} and rejected if stamped later than
   * {@code now} plus the clock skew. An import normalises all its readings as of one instant, read once.
   */
  public Observation normalise(Reading r, Instant now) {
    Check.notNull(r, "reading");
    Check.notNull(now, "now");
    List<FieldViolation> violations = null; // allocated only for a rejected reading
    if (r.subject == null) {
      violations = add(violations, new FieldViolation("subject", "required", "subject is required"));
    }
    ObservationType type = r.type == null ? null : types.find(r.type).orElse(null);
    if (type == null) {
      violations = add(violations, new FieldViolation("type", "observation.type.unknown",
          "unknown observation type"));
      throw new ValidationException(violations);
    }
    UnitConversion unit = null;
    if (r.unit == null) {
      violations = add(violations, new FieldViolation("unit", "required", "unit is required"));
    } else {
      unit = type.units().get(r.unit);
      if (unit == null) {
        violations = add(violations, new FieldViolation("unit", "observation.unit.unknown",
            "unit is not accepted for " + type.key() + "; accepted: " + String.join(", ", type.units().keySet())));
      }
    }
    List<ComponentType> components = type.components();
    // canonical values are recomputed when the values are built (a pure multiply-add): no array per reading
    if (r.values == null || r.values.length != components.size()) {
      violations = add(violations, new FieldViolation("values", "observation.values.count",
          type.key() + " takes " + components.size() + " value(s): "
              + String.join(", ", components.stream().map(ComponentType::key).toList())));
    } else if (r.comparators != null && r.comparators.length != r.values.length) {
      violations = add(violations, new FieldViolation("comparators", "observation.values.count",
          "give one comparator (or null) per value"));
    } else if (unit != null) {
      for (int i = 0; i < components.size(); i++) {
        ComponentType c = components.get(i);
        double raw = r.values[i];
        if (!Double.isFinite(raw)) {
          String field = field(components, c);
          violations = add(violations, new FieldViolation(field, "observation.value.not_finite",
              field + " must be a number"));
          continue;
        }
        if (!c.plausible().contains(unit.toCanonical(raw))) {
          String field = field(components, c);
          violations = add(violations, new FieldViolation(field, "observation.value.implausible", field + " of "
              + type.key() + " is outside the plausible range " + fmt(c.plausible().low()) + "-"
              + fmt(c.plausible().high()) + " " + c.ucumUnit() + " (a device or typing error?)"));
        }
      }
      if (type.key().equals(ObservationTypes.BLOOD_PRESSURE) && components.size() == 2
          && checked(unit, r.values[1]) > checked(unit, r.values[0])) {
        violations = add(violations, new FieldViolation("values.diastolic",
            "observation.value.diastolic_above_systolic", "diastolic must not exceed systolic (were they swapped?)"));
      }
    }
    if (r.at == null) {
      violations = add(violations, new FieldViolation("effectiveAt", "required", "effectiveAt is required"));
    } else {
      if (r.at.isAfter(now.plus(clockSkew))) {
        violations = add(violations, new FieldViolation("effectiveAt", "observation.time.future",
            "effectiveAt is in the future"));
      }
      if (r.end != null && r.end.isBefore(r.at)) {
        violations = add(violations, new FieldViolation("effectiveEnd", "observation.period.inverted",
            "effectiveEnd must not be before effectiveAt"));
      }
    }
    if (r.offset == null) {
      violations = add(violations, new FieldViolation("offset", "required",
          "the UTC offset the reading carried is required"));
    }
    if (type.aggregation() == Aggregation.TOTAL && r.end == null) {
      violations = add(violations, new FieldViolation("effectiveEnd", "observation.period.required",
          type.key() + " counts over a period: effectiveEnd is required"));
    }
    for (ContextField f : r.context == ObservationContext.NONE ? java.util.Set.<ContextField>of()
        : r.context.presentFields()) {
      if (!type.contextFields().contains(f)) {
        violations = add(violations, new FieldViolation("context." + f.name().toLowerCase(Locale.ROOT),
            "observation.context.not_applicable", f + " does not apply to " + type.key()));
      }
    }
    if (r.source == null) {
      violations = add(violations, new FieldViolation("source", "required", "source is required"));
    }
    if (violations != null) {
      throw new ValidationException(violations);
    }
    // immutable lists from the start (the records' List.copyOf then keeps them); one or two values need no array
    List<ComponentValue> values;
    List<Double> original;
    int count = components.size(); // no violations: the unit is known and every value was checked
    if (count == 1) {
      values = List.of(value(components, unit, r, 0));
      original = List.of(r.values[0]);
    } else if (count == 2) {
      values = List.of(value(components, unit, r, 0), value(components, unit, r, 1));
      original = List.of(r.values[0], r.values[1]);
    } else {
      ComponentValue[] v = new ComponentValue[count];
      Double[] o = new Double[count];
      for (int i = 0; i < count; i++) {
        v[i] = value(components, unit, r, i);
        o[i] = r.values[i];
      }
      values = List.of(v);
      original = List.of(o);
    }
    Provenance provenance = new Provenance(now, r.unit, original, r.format, r.reference, r.timeBasis);
    return new Observation(ObservationId.of(ids.newId()), r.subject, type, r.at, r.offset, r.end, values,
        r.context, r.source, provenance, r.statistic);
  }

  private static ComponentValue value(List<ComponentType> components, UnitConversion unit, Reading r, int i) {
    return new ComponentValue(components.get(i).key(), unit.toCanonical(r.values[i]),
        r.comparators == null ? null : r.comparators[i]);
  }

  /** The canonical value as the checks compared it: a value that is not a number counts as 0 there. */
  private static double checked(UnitConversion unit, double raw) {
    return Double.isFinite(raw) ? unit.toCanonical(raw) : 0;
  }

  private static String field(List<ComponentType> components, ComponentType c) {
    return components.size() == 1 ? "value" : "values." + c.key();
  }

  private static List<FieldViolation> add(List<FieldViolation> violations, FieldViolation v) {
    List<FieldViolation> out = violations == null ? new ArrayList<>(2) : violations;
    out.add(v);
    return out;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** The canonical value converted back to {@code unit} (e.g. to show glucose in mg/dL). */
  public static double convert(ObservationType type, double canonical, String unit) {
    UnitConversion c = type.unit(unit).orElseThrow(() -> new ValidationException("unit", "observation.unit.unknown",
        "unit is not accepted for " + type.key()));
    return c.fromCanonical(canonical);
  }
}
