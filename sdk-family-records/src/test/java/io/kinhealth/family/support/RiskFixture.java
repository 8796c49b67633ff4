package io.kinhealth.family.support;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.model.Zones;
import io.kinhealth.family.calendar.Pregnancy;
import io.kinhealth.family.calendar.PregnancyId;
import io.kinhealth.family.observation.GestationalAge;
import io.kinhealth.family.observation.MealRelation;
import io.kinhealth.family.observation.MeasurementSite;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationContext;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.risk.MeasurementSetting;
import io.kinhealth.family.risk.RiskContext;
import io.kinhealth.family.risk.RiskEngine;
import io.kinhealth.family.risk.RiskFinding;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Readings and contexts for the risk rules: a member (born 1990 unless changed), optionally pregnant from an LMP,
 * at home or in a clinic; readings at times in Asia/Shanghai (+08:00).
 */
public final class RiskFixture {
  public static final PersonId MEMBER = PersonId.of("p-risk");
  public static final Source HOME_CUFF = Source.device("home-cuff", "Omron HEM-7136");
  public static final Source CLINIC = Source.imported("clinic-his", "Clinic HIS");
  /** 2026-11-25 10:00 in Shanghai. */
  public static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

  public final RiskEngine engine = RiskEngine.defaults();
  public LocalDate birthDate = LocalDate.of(1990, 3, 8);
  public Pregnancy pregnancy;
  public MeasurementSetting setting = MeasurementSetting.HOME;

  /** Makes the member pregnant with {@code age} on T0's date (28-day cycle). */
  public RiskFixture pregnantAt(GestationalAge age) {
    LocalDate today = T0.atZone(Zones.CHINA).toLocalDate();
    pregnancy = Pregnancy.ongoing(PregnancyId.of("preg-1"), MEMBER, today.minusDays(age.totalDays()), 28, 60.0, 160.0,
        T0);
    return this;
  }

  public RiskFixture clinic() {
    setting = MeasurementSetting.CLINIC;
    return this;
  }

  public RiskFixture born(LocalDate date) {
    birthDate = date;
    return this;
  }

  public RiskContext contextOf(Observation o) {
    LocalDate day = o.effectiveAt().atZone(Zones.CHINA).toLocalDate();
    GestationalAge ga = pregnancy == null ? null : pregnancy.gestationalAgeOn(day).orElse(null);
    if (o.context().gestationalAge() != null) {
      ga = o.context().gestationalAge();
    }
    return new RiskContext(day, birthDate, ga, pregnancy, setting);
  }

  public static Observation reading(String type, Instant at, ObservationContext context, String unit,
      double... values) {
    return Readings.NORMALISER.normalise(Reading.builder(MEMBER, type).values(unit, values)
        .at(at, ZoneOffset.ofHours(8)).context(context).source(HOME_CUFF).build());
  }

  public static Observation bp(Instant at, double systolic, double diastolic) {
    return reading(ObservationTypes.BLOOD_PRESSURE, at, ObservationContext.NONE, "mm[Hg]", systolic, diastolic);
  }

  public static Observation glucose(Instant at, MealRelation meal, double mmol) {
    return reading(ObservationTypes.BLOOD_GLUCOSE, at, ObservationContext.NONE.withMeal(meal), "mmol/L", mmol);
  }

  public static Observation temperature(Instant at, MeasurementSite site, double celsius) {
    return reading(ObservationTypes.BODY_TEMPERATURE, at, ObservationContext.NONE.withSite(site), "Cel", celsius);
  }

  public static Observation single(String type, Instant at, String unit, double value) {
    return reading(type, at, ObservationContext.NONE, unit, value);
  }

  public static Observation movements(Instant from, Instant to, double count) {
    return Readings.NORMALISER.normalise(Reading.builder(MEMBER, ObservationTypes.FETAL_MOVEMENTS)
        .values("{movements}", count).at(from, ZoneOffset.ofHours(8)).until(to).source(HOME_CUFF).build());
  }

  /** The findings of {@code reading}, judged with {@code around} as its neighbours. */
  public List<RiskFinding> judge(Observation reading, Observation... around) {
    List<Observation> all = new ArrayList<>(List.of(around));
    all.add(reading);
    return engine.evaluate(reading, all, this::contextOf);
  }

  /** The single finding's rule key, or "none". */
  public String ruleOf(Observation reading, Observation... around) {
    List<RiskFinding> f = judge(reading, around);
    if (f.isEmpty()) {
      return "none";
    }
    if (f.size() > 1) {
      throw new AssertionError("expected one finding, got " + f);
    }
    return f.get(0).ruleKey() + (f.get(0).awaitingConfirmation() ? "?" : "") + ":" + f.get(0).severity();
  }
}
