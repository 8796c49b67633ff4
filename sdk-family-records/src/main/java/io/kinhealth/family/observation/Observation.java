package io.kinhealth.family.observation;

import io.kinhealth.core.error.FieldViolation;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One stored reading of one member from one source, in canonical units.
 *
 * <p>Guarantees: the values follow the type's components in order and are in their canonical UCUM units; the time
 * is the instant plus the UTC offset the reading carried (so the wall-clock time where it was taken is never lost,
 * and buckets are computed in the member's zone, not the offset's); a period ({@code effectiveEnd}) is present for
 * counts over time (TOTAL types) and for summaries; context carries only fields the type accepts. A reading is never
 * changed once stored: corrections are new readings, duplicates are decided at read time and kept as provenance.
 *
 * <p>Personal data: {@link #toString()} shows only the id and the type, never the subject or the values.
 *
 * @param statistic null for an individual measurement; set when the value summarises several (see
 *     {@link DescriptiveStatistic})
 */
public record Observation(
    ObservationId id,
    PersonId subject,
    ObservationType type,
    Instant effectiveAt,
    ZoneOffset offset,
    Instant effectiveEnd,
    List<ComponentValue> values,
    ObservationContext context,
    Source source,
    Provenance provenance,
    DescriptiveStatistic statistic) {

  public Observation {
    Check.notNull(id, "id");
    Check.notNull(subject, "subject");
    Check.notNull(type, "type");
    Check.notNull(effectiveAt, "effectiveAt");
    Check.notNull(offset, "offset");
    values = List.copyOf(Check.notEmpty(values, "values"));
    context = context == null ? ObservationContext.NONE : context;
    Check.notNull(source, "source");
    Check.notNull(provenance, "provenance");
    List<FieldViolation> violations = null; // allocated only for an invalid observation
    List<ComponentType> components = type.components();
    if (values.size() != components.size()) {
      violations = violation(violations, new FieldViolation("values", "observation.values.count",
          type.key() + " takes " + components.size() + " value(s)"));
    } else {
      for (int i = 0; i < components.size(); i++) {
        if (!components.get(i).key().equals(values.get(i).component())) {
          violations = violation(violations, new FieldViolation("values[" + i + "]", "observation.component.order",
              "values must follow the components of " + type.key() + " in order"));
        }
      }
    }
    if (effectiveEnd != null && effectiveEnd.isBefore(effectiveAt)) {
      violations = violation(violations, new FieldViolation("effectiveEnd", "observation.period.inverted",
          "effectiveEnd must not be before effectiveAt"));
    }
    if (type.aggregation() == Aggregation.TOTAL && effectiveEnd == null) {
      violations = violation(violations, new FieldViolation("effectiveEnd", "observation.period.required",
          type.key() + " counts over a period: effectiveEnd is required"));
    }
    for (ContextField f : context == ObservationContext.NONE ? java.util.Set.<ContextField>of()
        : context.presentFields()) {
      if (!type.contextFields().contains(f)) {
        violations = violation(violations, new FieldViolation("context."
            + f.name().toLowerCase(java.util.Locale.ROOT),
            "observation.context.not_applicable", f + " does not apply to " + type.key()));
      }
    }
    if (violations != null) {
      throw new ValidationException(violations);
    }
  }

  private static List<FieldViolation> violation(List<FieldViolation> violations, FieldViolation v) {
    List<FieldViolation> out = violations == null ? new ArrayList<>(2) : violations;
    out.add(v);
    return out;
  }

  /**
   * What the reading says, without the storage identity (id) and the time it was recorded: two observations with
   * equal content are the same reading stored twice (stores compare contents when an idempotency key is replayed).
   */
  public record Content(PersonId subject, String type, Instant effectiveAt, ZoneOffset offset, Instant effectiveEnd,
      List<ComponentValue> values, ObservationContext context, Source source, DescriptiveStatistic statistic,
      String originalUnit, List<Double> originalValues, String format, TimeBasis timeBasis) {
    @Override
    public String toString() {
      return "Observation.Content[" + type + "]";
    }
  }

  public Content content() {
    return new Content(subject, type.key(), effectiveAt, offset, effectiveEnd, values, context, source, statistic,
        provenance.originalUnit(), provenance.originalValues(), provenance.format(), provenance.timeBasis());
  }

  /** The value of a single-valued type (or the first component, e.g. systolic). */
  public double value() {
    return values.get(0).value();
  }

  /** The value of the named component, e.g. {@code diastolic}. */
  public double value(String component) {
    for (ComponentValue v : values) {
      if (v.component().equals(component)) {
        return v.value();
      }
    }
    throw new ValidationException("component", "observation.component.unknown",
        "type " + type.key() + " has no component " + component);
  }

  /** The time as the source saw it: the instant at the offset it carried. */
  public OffsetDateTime localTime() {
    return effectiveAt.atOffset(offset);
  }

  public Optional<Instant> knownEnd() {
    return Optional.ofNullable(effectiveEnd);
  }

  public Optional<DescriptiveStatistic> knownStatistic() {
    return Optional.ofNullable(statistic);
  }

  /** Whether this is an individual measurement (not a summary of several). */
  public boolean isIndividual() {
    return statistic == null;
  }

  @Override
  public String toString() {
    return "Observation[" + id + ", " + type.key() + "]";
  }
}
