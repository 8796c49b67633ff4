package io.kinhealth.family.calendar;

import io.kinhealth.core.error.FieldViolation;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.GestationalAge;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One pregnancy of a member, dated from her last menstrual period and cycle length (see {@link PregnancyDating}),
 * with the pre-pregnancy weight and height that place her in a WS/T 801-2022 weight-gain band. Versioned for
 * optimistic concurrency.
 *
 * <p>A pregnancy counts as going on from its dating start until it is ended, and at most until
 * {@value #LAST_ONGOING_WEEK}+6: past that, an unended pregnancy is taken as one whose end was never recorded, so
 * pregnancy rules stop applying to the member. Personal data: {@code toString} shows only ids and status.
 *
 * @param prePregnancyWeightKg may be null when not given (no weight-gain band then)
 * @param heightCm may be null when not given
 * @param endedOn the date it ended (the birth, the loss), null while ongoing
 */
public record Pregnancy(
    PregnancyId id,
    PersonId subject,
    LocalDate lastMenstrualPeriod,
    int cycleLength,
    Double prePregnancyWeightKg,
    Double heightCm,
    PregnancyStatus status,
    LocalDate endedOn,
    PregnancyOutcome outcome,
    Instant recordedAt,
    long version) {

  /** The last completed week in which an unended pregnancy still counts as going on. */
  public static final int LAST_ONGOING_WEEK = 42;

  public Pregnancy {
    Check.notNull(id, "id");
    Check.notNull(subject, "subject");
    Check.notNull(lastMenstrualPeriod, "lastMenstrualPeriod");
    Check.inRange(cycleLength, PregnancyDating.MIN_CYCLE, PregnancyDating.MAX_CYCLE, "cycleLength");
    Check.notNull(status, "status");
    Check.notNull(recordedAt, "recordedAt");
    Check.notNegative(version, "version");
    List<FieldViolation> violations = new ArrayList<>();
    if (prePregnancyWeightKg != null && !(prePregnancyWeightKg >= 25 && prePregnancyWeightKg <= 300)) {
      violations.add(new FieldViolation("prePregnancyWeightKg", "pregnancy.weight.implausible",
          "the pre-pregnancy weight must be 25-300 kg"));
    }
    if (heightCm != null && !(heightCm >= 100 && heightCm <= 250)) {
      violations.add(new FieldViolation("heightCm", "pregnancy.height.implausible", "the height must be 100-250 cm"));
    }
    if (status == PregnancyStatus.ENDED && (endedOn == null || outcome == null)) {
      violations.add(new FieldViolation("endedOn", "pregnancy.end.incomplete",
          "an ended pregnancy has an end date and an outcome"));
    }
    if (status == PregnancyStatus.ONGOING && (endedOn != null || outcome != null)) {
      violations.add(new FieldViolation("endedOn", "pregnancy.end.unexpected", "an ongoing pregnancy has no end"));
    }
    if (endedOn != null && endedOn.isBefore(lastMenstrualPeriod)) {
      violations.add(new FieldViolation("endedOn", "pregnancy.end.before_start",
          "a pregnancy cannot end before its last menstrual period"));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /** A new ongoing pregnancy (version 0: not yet stored). */
  public static Pregnancy ongoing(PregnancyId id, PersonId subject, LocalDate lastMenstrualPeriod, int cycleLength,
      Double prePregnancyWeightKg, Double heightCm, Instant recordedAt) {
    return new Pregnancy(id, subject, lastMenstrualPeriod, cycleLength, prePregnancyWeightKg, heightCm,
        PregnancyStatus.ONGOING, null, null, recordedAt, 0);
  }

  public Pregnancy ended(LocalDate on, PregnancyOutcome how) {
    return new Pregnancy(id, subject, lastMenstrualPeriod, cycleLength, prePregnancyWeightKg, heightCm,
        PregnancyStatus.ENDED, on, how, recordedAt, version);
  }

  public Pregnancy withVersion(long newVersion) {
    return new Pregnancy(id, subject, lastMenstrualPeriod, cycleLength, prePregnancyWeightKg, heightCm, status,
        endedOn, outcome, recordedAt, newVersion);
  }

  /** Naegele's due date adjusted for the cycle length. */
  public LocalDate dueDate() {
    return PregnancyDating.dueDate(lastMenstrualPeriod, cycleLength);
  }

  /** The gestational age on {@code date} if the pregnancy is going on that day. */
  public Optional<GestationalAge> gestationalAgeOn(LocalDate date) {
    Check.notNull(date, "date");
    if (endedOn != null && !date.isBefore(endedOn)) {
      return Optional.empty();
    }
    return PregnancyDating.gestationalAge(lastMenstrualPeriod, cycleLength, date)
        .filter(ga -> ga.weeks() <= LAST_ONGOING_WEEK);
  }

  /** Where the pregnancy stands on {@code date}, if it is going on that day. */
  public Optional<PregnancyWeek> weekOn(LocalDate date) {
    LocalDate due = dueDate();
    return gestationalAgeOn(date).map(ga -> new PregnancyWeek(date, ga, Trimester.of(ga), due,
        java.time.temporal.ChronoUnit.DAYS.between(date, due), PregnancyDating.contentKey(ga)));
  }

  /** The pre-pregnancy body-mass index, when weight and height are known. */
  public OptionalDouble prePregnancyBmi() {
    if (prePregnancyWeightKg == null || heightCm == null) {
      return OptionalDouble.empty();
    }
    double m = heightCm / 100.0;
    return OptionalDouble.of(prePregnancyWeightKg / (m * m));
  }

  @Override
  public String toString() {
    return "Pregnancy[" + id + ", " + status + "]";
  }
}
