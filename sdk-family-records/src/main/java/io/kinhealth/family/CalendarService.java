package io.kinhealth.family;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.IdGenerator;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import io.kinhealth.core.validation.CommandValidator;
import io.kinhealth.family.calendar.CycleForecast;
import io.kinhealth.family.calendar.CyclePredictor;
import io.kinhealth.family.calendar.MenstrualPeriod;
import io.kinhealth.family.calendar.Pregnancy;
import io.kinhealth.family.calendar.PregnancyDating;
import io.kinhealth.family.calendar.PregnancyId;
import io.kinhealth.family.calendar.PregnancyStatus;
import io.kinhealth.family.calendar.PregnancyWeek;
import io.kinhealth.family.internal.RequestDigest;
import io.kinhealth.family.observation.GestationalAge;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.risk.WeightGainStandard;
import io.kinhealth.family.risk.WeightGainStatus;
import io.kinhealth.family.spi.CalendarStore;
import io.kinhealth.family.spi.StoredWrite;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cycle and pregnancy calendar: a member's cycle log with the next period and fertile window learned from her
 * own cycles ({@link CyclePredictor}), and her pregnancies, dated by Naegele's rule adjusted for cycle length
 * ({@link PregnancyDating}), with the week, trimester and week-N content key of any day, and her weight gain against
 * the WS/T 801-2022 band ({@link WeightGainStandard}).
 *
 * <p>Guarantees: the member (or her guardian while she is a minor) writes her calendar; everyone else reads it only
 * through {@link FamilyViewing} (category {@value #CATEGORY}, a consent decision per read, audited); writes are
 * idempotent under their keys; a member has one ongoing pregnancy at a time. Thread-safe; built by
 * {@link FamilyRecords}.
 */
public final class CalendarService {
  /** The consent category of cycle and pregnancy data. */
  public static final String CATEGORY = "health.pregnancy";

  private final CalendarStore store;
  private final FamilyService families;
  private final FamilyViewing viewing;
  private final ObservationService observations;
  private final TransactionRunner tx;
  private final IdGenerator ids;
  private final Clock clock;
  private final CyclePredictor predictor;
  private final WeightGainStandard weights;
  private final CommandValidator validator;

  CalendarService(CalendarStore store, FamilyService families, FamilyViewing viewing, ObservationService observations,
      TransactionRunner tx, IdGenerator ids, Clock clock, CyclePredictor predictor, WeightGainStandard weights,
      CommandValidator validator) {
    this.store = store;
    this.families = families;
    this.viewing = viewing;
    this.observations = observations;
    this.tx = tx;
    this.ids = ids;
    this.clock = clock;
    this.predictor = predictor;
    this.weights = weights;
    this.validator = validator;
  }

  public CyclePredictor predictor() {
    return predictor;
  }

  public WeightGainStandard weightGainStandard() {
    return weights;
  }

  /** Logs a period start (and end, when known); the day may not be in the future of the member's zone. */
  public MenstrualPeriod logPeriod(LogPeriod cmd) {
    validate(cmd);
    requireManages(cmd.actor(), cmd.subject());
    LocalDate today = today(cmd.subject());
    Check.that(!cmd.start().isAfter(today), "start", "period.start_future", "a period cannot start in the future");
    Check.that(cmd.end() == null || !cmd.end().isAfter(today), "end", "period.end_future",
        "a period cannot end in the future");
    return tx.inTransaction(() -> store.addPeriod(cmd.key(), new MenstrualPeriod(cmd.subject(), cmd.start(),
        cmd.end())));
  }

  /** Removes a mistaken entry; tells whether one was removed. */
  public boolean removePeriod(RemovePeriod cmd) {
    validate(cmd);
    requireManages(cmd.actor(), cmd.subject());
    return tx.inTransaction(() -> store.removePeriod(cmd.key(), cmd.subject(), cmd.start()));
  }

  /** The forecast from the member's latest periods, as {@code viewer} may see it; empty with no period logged. */
  public Optional<CycleForecast> forecast(PersonId viewer, PersonId subject) {
    viewing.require(viewer, subject, CATEGORY);
    return forecastUnchecked(subject);
  }

  private Optional<CycleForecast> forecastUnchecked(PersonId subject) {
    List<MenstrualPeriod> recent = store.recentPeriods(subject, today(subject).plusDays(1), predictor.periodsNeeded());
    if (recent.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(predictor.forecast(recent.stream().map(MenstrualPeriod::start).toList()));
  }

  /**
   * Registers an ongoing pregnancy. Its cycle length is the command's, else the one learned from her cycle log, else
   * 28. Refused ({@code pregnancy.already_ongoing}) while another is ongoing, and when the last menstrual period is
   * in the future or more than {@value Pregnancy#LAST_ONGOING_WEEK} weeks ago.
   */
  public Pregnancy registerPregnancy(RegisterPregnancy cmd) {
    validate(cmd);
    requireManages(cmd.actor(), cmd.subject());
    String digest = RequestDigest.of("pregnancy.register", cmd.subject(), cmd.lastMenstrualPeriod(),
        cmd.cycleLength(), cmd.prePregnancyWeightKg(), cmd.heightCm());
    return replayOr(cmd.key(), digest, () -> tx.inTransaction(() -> {
      LocalDate today = today(cmd.subject());
      int cycle = cmd.cycleLength() != null ? cmd.cycleLength()
          : forecastUnchecked(cmd.subject()).filter(CycleForecast::isLearned).map(CycleForecast::learnedCycleLength)
              .orElse(PregnancyDating.REFERENCE_CYCLE);
      Check.that(!cmd.lastMenstrualPeriod().isAfter(today), "lastMenstrualPeriod", "pregnancy.lmp_future",
          "the last menstrual period cannot be in the future");
      Pregnancy p = Pregnancy.ongoing(PregnancyId.of(ids.newId()), cmd.subject(), cmd.lastMenstrualPeriod(), cycle,
          cmd.prePregnancyWeightKg(), cmd.heightCm(), clock.instant());
      if (PregnancyDating.dateAt(p.lastMenstrualPeriod(), cycle, GestationalAge.of(Pregnancy.LAST_ONGOING_WEEK, 6))
          .isBefore(today)) {
        throw new ValidationException("lastMenstrualPeriod", "pregnancy.lmp_too_old",
            "the last menstrual period is too long ago for an ongoing pregnancy");
      }
      if (ongoing(cmd.subject(), today).isPresent()) {
        throw new ConflictException("pregnancy.already_ongoing", "subject", "the member already has an ongoing pregnancy");
      }
      return store.savePregnancy(cmd.key(), digest, p, 0);
    }));
  }

  /** Records the end of a pregnancy (no earlier than its last menstrual period, not in the future). */
  public Pregnancy endPregnancy(EndPregnancy cmd) {
    validate(cmd);
    String digest = RequestDigest.of("pregnancy.end", cmd.pregnancy(), cmd.endedOn(), cmd.outcome());
    return replayOr(cmd.key(), digest, () -> tx.inTransaction(() -> {
      Pregnancy p = store.findPregnancy(cmd.pregnancy()).orElseThrow(() -> new NotFoundException(
          "pregnancy.not_found", "pregnancy", "no such pregnancy"));
      requireManages(cmd.actor(), p.subject());
      if (p.status() == PregnancyStatus.ENDED) {
        throw new io.kinhealth.core.error.InvalidStateException("pregnancy.already_ended", "pregnancy",
            "the pregnancy has already ended");
      }
      Check.that(!cmd.endedOn().isAfter(today(p.subject())), "endedOn", "pregnancy.end_future",
          "a pregnancy cannot end in the future");
      return store.savePregnancy(cmd.key(), digest, p.ended(cmd.endedOn(), cmd.outcome()), p.version());
    }));
  }

  /** The pregnancy ongoing today, as {@code viewer} may see it. */
  public Optional<Pregnancy> currentPregnancy(PersonId viewer, PersonId subject) {
    viewing.require(viewer, subject, CATEGORY);
    return ongoing(subject, today(subject));
  }

  /** Where the pregnancy stands on {@code date} (gestational age, trimester, due date, content key), if ongoing. */
  public Optional<PregnancyWeek> week(PersonId viewer, PersonId subject, LocalDate date) {
    Check.notNull(date, "date");
    viewing.require(viewer, subject, CATEGORY);
    return pregnancyOn(subject, date).flatMap(p -> p.weekOn(date));
  }

  /**
   * The weight gain of the member's latest weighing during her ongoing pregnancy against her WS/T 801-2022 band;
   * empty without an ongoing pregnancy, pre-pregnancy weight and height, or a weighing during it. The viewer needs
   * both pregnancy and vital-sign data.
   */
  public Optional<WeightGainStatus> weightGain(PersonId viewer, PersonId subject) {
    ViewingDecision d = viewing.decide(viewer, subject, Set.of(CATEGORY, "health.vital_signs"));
    if (!d.permits(CATEGORY) || !d.permits("health.vital_signs")) {
      throw new ForbiddenException("family.viewing.denied", "subject",
          "no consent to see this member's pregnancy and weight data");
    }
    LocalDate today = today(subject);
    Optional<Pregnancy> current = ongoing(subject, today);
    if (current.isEmpty() || current.get().prePregnancyBmi().isEmpty()) {
      return Optional.empty();
    }
    Pregnancy p = current.get();
    Optional<Observation> latest = observations.latestUnchecked(subject,
        observations.types().get(ObservationTypes.BODY_WEIGHT));
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    LocalDate weighed = latest.get().effectiveAt().atZone(families.profile(subject).zone()).toLocalDate();
    Optional<GestationalAge> ga = p.gestationalAgeOn(weighed);
    return ga.map(age -> weights.assess(p.prePregnancyBmi().getAsDouble(), age,
        latest.get().value() - p.prePregnancyWeightKg()));
  }

  /** The member's pregnancies without a consent decision (the risk rules read them for the member's own care). */
  List<Pregnancy> pregnanciesUnchecked(PersonId subject) {
    return store.pregnanciesOf(subject);
  }

  private Optional<Pregnancy> pregnancyOn(PersonId subject, LocalDate date) {
    return store.pregnanciesOf(subject).stream().filter(p -> p.gestationalAgeOn(date).isPresent()).findFirst();
  }

  private Optional<Pregnancy> ongoing(PersonId subject, LocalDate today) {
    return store.pregnanciesOf(subject).stream().filter(p -> p.status() == PregnancyStatus.ONGOING
        && p.gestationalAgeOn(today).isPresent()).findFirst();
  }

  private LocalDate today(PersonId subject) {
    return LocalDate.now(clock.withZone(families.profile(subject).zone()));
  }

  private void requireManages(PersonId actor, PersonId subject) {
    if (!families.manages(actor, subject)) {
      throw new ForbiddenException("family.record.not_guardian", "subject",
          "only the member, or her guardian while she is a minor, writes her calendar");
    }
  }

  private Pregnancy replayOr(io.kinhealth.core.id.IdempotencyKey key, String digest,
      java.util.function.Supplier<Pregnancy> work) {
    Optional<StoredWrite> prior = store.findWrite(key);
    if (prior.isPresent()) {
      if (!prior.get().requestDigest().equals(digest)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "key",
            "this idempotency key was first used with a different command");
      }
      return store.findPregnancy(PregnancyId.of(prior.get().resultId())).orElseThrow();
    }
    return work.get();
  }

  private void validate(Object cmd) {
    Check.notNull(cmd, "command");
    validator.validate(cmd);
  }
}
