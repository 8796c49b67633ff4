package io.kinhealth.family.observation;

import io.kinhealth.core.id.PersonId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * A reading as it arrives, before normalisation: values in whatever unit the source used. Build one with
 * {@link #builder(PersonId, String)}; {@link ObservationNormaliser} checks it, converts it to canonical units and
 * turns it into an {@link Observation}, or rejects it with every problem found, each naming its field.
 *
 * <p>Not validated on construction (that is the normaliser's job, so that all problems are reported together).
 * Personal data: {@code toString} shows only the type.
 */
public final class Reading {
  final PersonId subject;
  final String type;
  final double[] values;
  final Comparator[] comparators;
  final String unit;
  final Instant at;
  final ZoneOffset offset;
  final Instant end;
  final ObservationContext context;
  final Source source;
  final DescriptiveStatistic statistic;
  final String format;
  final String reference;
  final TimeBasis timeBasis;

  private Reading(Builder b) {
    this.subject = b.subject;
    this.type = b.type;
    this.values = b.values == null ? null : b.values.clone();
    this.comparators = b.comparators == null ? null : b.comparators.clone();
    this.unit = b.unit;
    this.at = b.at;
    this.offset = b.offset;
    this.end = b.end;
    this.context = b.context == null ? ObservationContext.NONE : b.context;
    this.source = b.source;
    this.statistic = b.statistic;
    this.format = b.format == null ? "manual" : b.format;
    this.reference = b.reference;
    this.timeBasis = b.timeBasis == null ? TimeBasis.MEASURED : b.timeBasis;
  }

  public static Builder builder(PersonId subject, String type) {
    return new Builder(subject, type);
  }

  public PersonId subject() {
    return subject;
  }

  public String type() {
    return type;
  }

  public String unit() {
    return unit;
  }

  public Instant at() {
    return at;
  }

  public Source source() {
    return source;
  }

  /** A copy of the raw values, in the reading's own unit. */
  public double[] values() {
    return values == null ? null : values.clone();
  }

  public ObservationContext context() {
    return context;
  }

  /** Where inside an import the reading came from (e.g. {@code row 12}), or null. */
  public String reference() {
    return reference;
  }

  @Override
  public String toString() {
    return "Reading[" + type + "]";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Reading r)) {
      return false;
    }
    return java.util.Objects.equals(subject, r.subject) && java.util.Objects.equals(type, r.type)
        && Arrays.equals(values, r.values) && Arrays.equals(comparators, r.comparators)
        && java.util.Objects.equals(unit, r.unit) && java.util.Objects.equals(at, r.at)
        && java.util.Objects.equals(offset, r.offset) && java.util.Objects.equals(end, r.end)
        && context.equals(r.context) && java.util.Objects.equals(source, r.source) && statistic == r.statistic
        && format.equals(r.format) && java.util.Objects.equals(reference, r.reference) && timeBasis == r.timeBasis;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(subject, type, Arrays.hashCode(values), unit, at, source);
  }

  /** Collects a reading's parts. */
  public static final class Builder {
    private final PersonId subject;
    private final String type;
    private double[] values;
    private Comparator[] comparators;
    private String unit;
    private Instant at;
    private ZoneOffset offset;
    private Instant end;
    private ObservationContext context;
    private Source source;
    private DescriptiveStatistic statistic;
    private String format;
    private String reference;
    private TimeBasis timeBasis;

    private Builder(PersonId subject, String type) {
      this.subject = subject;
      this.type = type;
    }

    /** The value(s) in {@code unit}, in the type's component order (blood pressure: systolic, diastolic). */
    public Builder values(String unit, double... values) {
      this.unit = unit;
      this.values = values;
      return this;
    }

    /** Marks values that are bounds (one comparator per value, null where exact). */
    public Builder comparators(Comparator... comparators) {
      this.comparators = comparators;
      return this;
    }

    /** When it was measured, with the offset the source reported. */
    public Builder at(OffsetDateTime time) {
      if (time != null) {
        this.at = time.toInstant();
        this.offset = time.getOffset();
      }
      return this;
    }

    public Builder at(Instant instant, ZoneOffset offset) {
      this.at = instant;
      this.offset = offset;
      return this;
    }

    /** The end of the period a count or summary covers. */
    public Builder until(Instant end) {
      this.end = end;
      return this;
    }

    public Builder context(ObservationContext context) {
      this.context = context;
      return this;
    }

    public Builder source(Source source) {
      this.source = source;
      return this;
    }

    public Builder statistic(DescriptiveStatistic statistic) {
      this.statistic = statistic;
      return this;
    }

    /** Where it was imported from, e.g. {@code dexcom-g6-csv} and {@code row 12}. */
    public Builder importedFrom(String format, String reference) {
      this.format = format;
      this.reference = reference;
      return this;
    }

    public Builder timeBasis(TimeBasis basis) {
      this.timeBasis = basis;
      return this;
    }

    public Reading build() {
      return new Reading(this);
    }
  }
}
