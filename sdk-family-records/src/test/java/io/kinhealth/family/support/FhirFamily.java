package io.kinhealth.family.support;

import static io.kinhealth.family.support.Family4.FATHER;
import static io.kinhealth.family.support.Family4.MOTHER;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.AttachDocument;
import io.kinhealth.family.RecordReading;
import io.kinhealth.family.RegisterPregnancy;
import io.kinhealth.family.document.DocumentType;
import io.kinhealth.family.observation.Comparator;
import io.kinhealth.family.observation.MealRelation;
import io.kinhealth.family.observation.MeasurementSite;
import io.kinhealth.family.observation.ObservationContext;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.observation.Specimen;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Family4 with a pregnant mother (26+0) who has one reading of every registered type (in context: an axillary
 * temperature, a capillary fasting glucose, an OGTT 2-hour draw, counts over periods), a discharge summary and an
 * external checkup report; the father has a blood pressure. For FHIR export tests.
 */
public final class FhirFamily {
  public static final Source CUFF = Source.device("omron-7136", "Omron HEM-7136");
  public static final Source METER = Source.device("yuwell-580", "Yuwell 580");
  public static final Source PHONE = Source.app("huawei-health", "Huawei Health");

  public final Family4 f;
  public final Instant now;

  public FhirFamily() {
    this(new Family4());
  }

  public FhirFamily(Family4 family) {
    this.f = family;
    this.now = f.clock.instant();
    f.records.calendar().registerPregnancy(new RegisterPregnancy(f.key(), MOTHER, MOTHER,
        LocalDate.of(2026, 11, 25).minusDays(182), 28, 60.0, 160.0));
    Instant t = now.minus(Duration.ofHours(6));
    record(MOTHER, ObservationTypes.BLOOD_PRESSURE, t, CUFF, ObservationContext.NONE, "mm[Hg]", 128, 82);
    record(MOTHER, ObservationTypes.HEART_RATE, t.plusSeconds(60), CUFF, ObservationContext.NONE, "/min", 78);
    record(MOTHER, ObservationTypes.FETAL_HEART_RATE, t.plusSeconds(120), PHONE, ObservationContext.NONE, "/min", 142);
    record(MOTHER, ObservationTypes.OXYGEN_SATURATION, t.plusSeconds(180), PHONE, ObservationContext.NONE, "%", 98);
    record(MOTHER, ObservationTypes.BODY_TEMPERATURE, t.plusSeconds(240), PHONE,
        ObservationContext.NONE.withSite(MeasurementSite.AXILLARY), "Cel", 36.7);
    record(MOTHER, ObservationTypes.BODY_WEIGHT, t.plusSeconds(300), PHONE, ObservationContext.NONE, "kg", 65.4);
    record(MOTHER, ObservationTypes.BODY_HEIGHT, t.plusSeconds(360), PHONE, ObservationContext.NONE, "cm", 160);
    record(MOTHER, ObservationTypes.BODY_MASS_INDEX, t.plusSeconds(420), PHONE, ObservationContext.NONE, "kg/m2",
        25.5);
    record(MOTHER, ObservationTypes.BLOOD_GLUCOSE, t.plusSeconds(480), METER, ObservationContext.NONE
        .withMeal(MealRelation.FASTING).withSpecimen(Specimen.CAPILLARY_BLOOD), "mmol/L", 4.6);
    record(MOTHER, ObservationTypes.BLOOD_GLUCOSE, t.plusSeconds(540), METER,
        ObservationContext.NONE.withMeal(MealRelation.OGTT_75G_2H), "mg/dL", 131);
    f.records.observations().record(new RecordReading(f.key(), MOTHER, Reading.builder(MOTHER,
        ObservationTypes.BLOOD_GLUCOSE).values("mmol/L", 2.2).comparators(Comparator.LESS_THAN)
        .at(t.plusSeconds(600), ZoneOffset.ofHours(8)).source(Source.device("dexcom-g6", "Dexcom G6")).build()));
    f.records.observations().record(new RecordReading(f.key(), MOTHER, Reading.builder(MOTHER, ObservationTypes.STEPS)
        .values("steps", 4321).at(t, ZoneOffset.ofHours(8)).until(t.plus(Duration.ofHours(2))).source(PHONE).build()));
    f.records.observations().record(new RecordReading(f.key(), MOTHER, Reading.builder(MOTHER,
        ObservationTypes.FETAL_MOVEMENTS).values("{movements}", 12).at(t, ZoneOffset.ofHours(8))
        .until(t.plus(Duration.ofHours(1))).source(PHONE).build()));
    record(FATHER, ObservationTypes.BLOOD_PRESSURE, t, CUFF, ObservationContext.NONE, "mm[Hg]", 131, 84);
    f.records.documents().attach(AttachDocument.builder(f.key(), MOTHER, MOTHER).type(DocumentType.DISCHARGE_SUMMARY)
        .title("出院小结").documentDate(LocalDate.of(2026, 11, 20))
        .content("application/pdf", "%PDF-1.7 scan".getBytes(StandardCharsets.UTF_8)).build());
    f.records.documents().attach(AttachDocument.builder(f.key(), MOTHER, MOTHER).type(DocumentType.CHECKUP_REPORT)
        .documentDate(LocalDate.of(2026, 11, 18)).external(URI.create("https://oss.example.cn/r/77.jpg"), "image/jpeg",
            "cd".repeat(32), 1_234_567).build());
  }

  public void record(PersonId who, String type, Instant at, Source source, ObservationContext context, String unit,
      double... values) {
    f.records.observations().record(new RecordReading(f.key(), who, Reading.builder(who, type).values(unit, values)
        .at(at, ZoneOffset.ofHours(8)).context(context).source(source).build()));
  }

  public Instant from() {
    return now.minus(Duration.ofDays(30));
  }

  public Instant to() {
    return now.plusSeconds(1);
  }
}
