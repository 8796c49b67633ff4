package io.kinhealth.examples.quickstart;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.model.Zones;
import io.kinhealth.family.AcknowledgeAlert;
import io.kinhealth.family.CreateFamily;
import io.kinhealth.family.FamilyRecords;
import io.kinhealth.family.InviteMember;
import io.kinhealth.family.RecordReading;
import io.kinhealth.family.RegisterPregnancy;
import io.kinhealth.family.RegisterProfile;
import io.kinhealth.family.RespondToInvitation;
import io.kinhealth.family.calendar.Pregnancy;
import io.kinhealth.family.calendar.PregnancyWeek;
import io.kinhealth.family.dashboard.OpenAlert;
import io.kinhealth.family.fhir.FhirExportSummary;
import io.kinhealth.family.graph.FamilyId;
import io.kinhealth.family.graph.Invitation;
import io.kinhealth.family.graph.KinshipRole;
import io.kinhealth.family.graph.MemberRole;
import io.kinhealth.family.memory.InMemoryTriageQueue;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.risk.WeightGainStatus;
import io.kinhealth.family.triage.Alert;
import io.kinhealth.family.triage.AlertEvidence;
import io.kinhealth.family.triage.ReviewerId;
import io.kinhealth.family.triage.TriageNotice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chapter: risk rules and triage for a pregnant member — at week 26 two home blood pressures four hours apart cross
 * 140/90, the alert goes to the human-review queue (and her dashboard), a nurse acknowledges it; her due date,
 * trimester and WS/T 801-2022 weight band; and her week exported as a FHIR R4 Bundle for the hospital.
 */
final class FamilyRiskChapter {
  private static final PersonId MOTHER = PersonId.of("p-mother");
  private static final PersonId FATHER = PersonId.of("p-father");

  private final PrintStream out;
  private final AtomicInteger keys = new AtomicInteger();

  FamilyRiskChapter(PrintStream out) {
    this.out = out;
  }

  private IdempotencyKey key() {
    return IdempotencyKey.of("qs-risk-" + keys.incrementAndGet());
  }

  void run() {
    out.println();
    out.println("7. Risk rules, triage, pregnancy calendar and FHIR (kinhealth-family-records, part 2)");
    StoryClock clock = new StoryClock(Instant.parse("2026-11-25T02:00:00Z")); // 10:00 in Shanghai
    InMemoryTriageQueue reviewQueue = new InMemoryTriageQueue(); // a host plugs in its nurses' work queue here
    FamilyRecords records = FamilyRecords.builder().clock(clock).alertSink(reviewQueue).build();
    records.families().registerProfile(new RegisterProfile(key(), MOTHER, LocalDate.of(1990, 3, 8), Zones.CHINA));
    records.families().registerProfile(new RegisterProfile(key(), FATHER, LocalDate.of(1988, 7, 1), Zones.CHINA));
    FamilyId family = records.families().create(new CreateFamily(key(), MOTHER)).id();
    Invitation inv = records.families().invite(new InviteMember(key(), family, MOTHER, FATHER, KinshipRole.HUSB,
        MemberRole.MEMBER));
    records.families().respond(new RespondToInvitation(key(), inv.id(), FATHER, true));

    // Her pregnancy, dated from her last menstrual period (Naegele's rule, 28-day cycle).
    LocalDate today = LocalDate.of(2026, 11, 25);
    Pregnancy pregnancy = records.calendar().registerPregnancy(new RegisterPregnancy(key(), MOTHER, MOTHER,
        LocalDate.of(2026, 5, 27), 28, 60.0, 160.0));
    PregnancyWeek week = records.calendar().week(MOTHER, MOTHER, today).orElseThrow();
    out.println("   pregnancy: last period " + pregnancy.lastMenstrualPeriod() + ", due " + week.dueDate() + " ("
        + week.daysUntilDue() + " days), today at " + week.gestationalAge() + ", " + week.trimester()
        + " trimester, content key " + week.contentKey());

    // 10:00 — a home reading over 140/90 after week 20: one reading is not yet hypertension in pregnancy.
    Source cuff = Source.device("omron-hem-7136", "Omron HEM-7136");
    bp(records, clock, cuff, 142, 91);
    Alert first = records.triage().alertsOf(MOTHER, MOTHER).get(0);
    out.println("   10:00 home BP 142/91 -> alert " + first.condition() + " " + first.severity()
        + (first.awaitingConfirmation() ? " (awaiting a second reading 4 hours later)" : "") + "; review queue: "
        + reviewQueue.size() + " notices");

    // 14:00 — the second reading four hours later confirms it: the same alert rises to HIGH and goes to a person.
    clock.advance(Duration.ofHours(4));
    bp(records, clock, cuff, 141, 90);
    Alert confirmed = records.triage().alertsOf(MOTHER, MOTHER).get(0);
    out.println("   14:00 home BP 141/90 -> the same alert, now " + confirmed.severity() + " by rule "
        + confirmed.ruleKey() + " (" + records.triage().engine().table().version() + ")");
    TriageNotice notice = reviewQueue.queue().get(0);
    out.println("   review queue: " + reviewQueue.size() + " notice, " + notice.reason() + " " + notice.severity() + " "
        + notice.condition() + " of " + notice.subject() + ", evidence:");
    for (AlertEvidence e : notice.evidence()) {
      out.println(String.format(Locale.ROOT, "     %s  %.0f/%.0f %s", e.effectiveAt().atOffset(e.offset())
          .toLocalTime(), e.values().get(0).value(), e.values().get(1).value(), e.unit()));
    }
    OpenAlert onDashboard = records.dashboard().view(MOTHER, family).card(MOTHER).orElseThrow().openAlerts().get(0);
    out.println("   her dashboard shows it too: " + onDashboard.severity() + " " + onDashboard.ruleKey());
    records.triage().acknowledge(new AcknowledgeAlert(key(), confirmed.id(), ReviewerId.of("nurse-li")));
    clock.advance(Duration.ofHours(3));
    out.println("   nurse-li acknowledges it; three hours later nothing escalates: "
        + records.triage().runDueActions().escalated() + " escalations");

    // Her weight against the WS/T 801-2022 band for her pre-pregnancy BMI.
    records.observations().record(new RecordReading(key(), MOTHER, Reading.builder(MOTHER, "body-weight")
        .values("kg", 66.2).at(clock.instant(), ZoneOffset.ofHours(8)).source(cuff).build()));
    WeightGainStatus gain = records.calendar().weightGain(MOTHER, MOTHER).orElseThrow();
    out.println(String.format(Locale.ROOT, "   weight 66.2 kg: pre-pregnancy BMI %.1f (%s), gain %.1f kg, band at %s is"
        + " %.1f-%.1f kg: %s", gain.prePregnancyBmi(), gain.band().category(), gain.gainKg(),
        gain.band().gestationalAge(), gain.band().lowKg(), gain.band().highKg(), gain.position()));

    // Her week 26 as a FHIR R4 Bundle for the hospital (written with Jackson; validated by HAPI FHIR in the tests).
    Instant weekStart = today.atStartOfDay(Zones.CHINA).toInstant();
    ByteArrayOutputStream bundle = new ByteArrayOutputStream();
    FhirExportSummary summary = records.fhir().exportMember(MOTHER, MOTHER, weekStart,
        weekStart.plus(Duration.ofDays(7)), bundle);
    String json = bundle.toString(StandardCharsets.UTF_8);
    out.println("   week 26 exported as a FHIR R4 Bundle: " + summary.entries() + " entries (" + summary.patients()
        + " Patient, " + summary.relatedPersons() + " RelatedPerson, " + summary.observations() + " Observations), "
        + json.length() + " characters");
    out.println("     " + excerpt(json));
  }

  /** The first blood-pressure observation's code and values, as they appear in the Bundle. */
  private static String excerpt(String json) {
    int code = json.indexOf("\"code\":\"85354-9\"");
    int systolic = json.indexOf("\"code\":\"8480-6\"", code);
    int value = json.indexOf("\"valueQuantity\"", systolic);
    int end = json.indexOf('}', value);
    return List.of("LOINC 85354-9 (blood pressure panel)", json.substring(value, end + 1)).toString();
  }

  private void bp(FamilyRecords records, Clock clock, Source cuff, double systolic, double diastolic) {
    records.observations().record(new RecordReading(key(), MOTHER, Reading.builder(MOTHER, "blood-pressure")
        .values("mm[Hg]", systolic, diastolic).at(clock.instant(), ZoneOffset.ofHours(8)).source(cuff).build()));
  }
}
