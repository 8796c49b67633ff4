package io.kinhealth.family.observation;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The circumstances of a reading that rules and exports need: relation to meals, sleep and activity, measurement
 * site, body position, specimen and gestational age. Every field may be absent ({@code null}); prefer the
 * {@code Optional} accessors. {@link #NONE} has none of them.
 */
public record ObservationContext(
    MealRelation meal,
    SleepRelation sleep,
    ActivityRelation activity,
    MeasurementSite site,
    BodyPosition position,
    Specimen specimen,
    GestationalAge gestationalAge) {

  public static final ObservationContext NONE = new ObservationContext(null, null, null, null, null, null, null);

  public ObservationContext withMeal(MealRelation value) {
    return new ObservationContext(value, sleep, activity, site, position, specimen, gestationalAge);
  }

  public ObservationContext withSleep(SleepRelation value) {
    return new ObservationContext(meal, value, activity, site, position, specimen, gestationalAge);
  }

  public ObservationContext withActivity(ActivityRelation value) {
    return new ObservationContext(meal, sleep, value, site, position, specimen, gestationalAge);
  }

  public ObservationContext withSite(MeasurementSite value) {
    return new ObservationContext(meal, sleep, activity, value, position, specimen, gestationalAge);
  }

  public ObservationContext withPosition(BodyPosition value) {
    return new ObservationContext(meal, sleep, activity, site, value, specimen, gestationalAge);
  }

  public ObservationContext withSpecimen(Specimen value) {
    return new ObservationContext(meal, sleep, activity, site, position, value, gestationalAge);
  }

  public ObservationContext withGestationalAge(GestationalAge value) {
    return new ObservationContext(meal, sleep, activity, site, position, specimen, value);
  }

  public Optional<MealRelation> knownMeal() {
    return Optional.ofNullable(meal);
  }

  public Optional<SleepRelation> knownSleep() {
    return Optional.ofNullable(sleep);
  }

  public Optional<ActivityRelation> knownActivity() {
    return Optional.ofNullable(activity);
  }

  public Optional<MeasurementSite> knownSite() {
    return Optional.ofNullable(site);
  }

  public Optional<BodyPosition> knownPosition() {
    return Optional.ofNullable(position);
  }

  public Optional<Specimen> knownSpecimen() {
    return Optional.ofNullable(specimen);
  }

  public Optional<GestationalAge> knownGestationalAge() {
    return Optional.ofNullable(gestationalAge);
  }

  /** The fields that are present. */
  public Set<ContextField> presentFields() {
    Set<ContextField> fields = EnumSet.noneOf(ContextField.class);
    if (meal != null) {
      fields.add(ContextField.MEAL);
    }
    if (sleep != null) {
      fields.add(ContextField.SLEEP);
    }
    if (activity != null) {
      fields.add(ContextField.ACTIVITY);
    }
    if (site != null) {
      fields.add(ContextField.MEASUREMENT_SITE);
    }
    if (position != null) {
      fields.add(ContextField.BODY_POSITION);
    }
    if (specimen != null) {
      fields.add(ContextField.SPECIMEN);
    }
    if (gestationalAge != null) {
      fields.add(ContextField.GESTATIONAL_AGE);
    }
    return fields;
  }
}
