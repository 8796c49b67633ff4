package io.kinhealth.examples.quickstart;

import io.kinhealth.compliance.ConsentService;
import io.kinhealth.compliance.DataSubject;
import io.kinhealth.compliance.PublishNotice;
import io.kinhealth.compliance.RecordConsent;
import io.kinhealth.compliance.Requester;
import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.consent.GuardianRelationship;
import io.kinhealth.compliance.consent.GuardianVerification;
import io.kinhealth.compliance.notice.NoticeContent;
import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.StandardActions;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.compliance.taxonomy.StandardPurposes;
import io.kinhealth.compliance.taxonomy.Vocabulary;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.model.Zones;
import io.kinhealth.family.CreateFamily;
import io.kinhealth.family.DeclareGuardianship;
import io.kinhealth.family.FamilyRecords;
import io.kinhealth.family.InviteMember;
import io.kinhealth.family.RecordReading;
import io.kinhealth.family.RegisterProfile;
import io.kinhealth.family.RespondToInvitation;
import io.kinhealth.family.dashboard.FamilyDashboardView;
import io.kinhealth.family.dashboard.MemberCard;
import io.kinhealth.family.dashboard.TypeSummary;
import io.kinhealth.family.dedup.DeduplicatedReading;
import io.kinhealth.family.graph.FamilyId;
import io.kinhealth.family.graph.GuardianshipBasis;
import io.kinhealth.family.graph.Invitation;
import io.kinhealth.family.graph.KinshipRole;
import io.kinhealth.family.graph.MemberRole;
import io.kinhealth.family.ingest.ImportReport;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.stats.BucketSize;
import io.kinhealth.family.stats.ObservationBucket;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chapter: family health records — a family of four, a real Dexcom G6 export imported for the father, a blood
 * pressure seen by two devices counted once, a daily summary in Shanghai time, and the family dashboard as the mother
 * and as the teenage daughter (who shares nothing) see it. Every look at a relative's data is a consent decision.
 */
final class FamilyChapter {
  private static final String DEXCOM = "/io/kinhealth/examples/quickstart/data/dexcom-g6-export.csv";
  private static final PersonId MOTHER = PersonId.of("p-mother");
  private static final PersonId FATHER = PersonId.of("p-father");
  private static final PersonId DAUGHTER = PersonId.of("p-daughter");
  private static final PersonId SON = PersonId.of("p-son");

  private final PrintStream out;
  private final AtomicInteger keys = new AtomicInteger();

  FamilyChapter(PrintStream out) {
    this.out = out;
  }

  private IdempotencyKey key() {
    return IdempotencyKey.of("qs-family-" + keys.incrementAndGet());
  }

  void run() {
    out.println();
    out.println("6. Family health records (kinhealth-family-records)");
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC); // 10:00 in Shanghai
    ConsentService consents = ConsentService.builder().clock(clock).build();
    FamilyRecords records = FamilyRecords.builder().clock(clock).consentService(consents).build();

    // A family of four: the mother founds it, the others accept her invitations; she is her son's guardian.
    profile(records, MOTHER, LocalDate.of(1990, 3, 8));
    profile(records, FATHER, LocalDate.of(1988, 7, 1));
    profile(records, DAUGHTER, LocalDate.of(2011, 6, 15));
    profile(records, SON, LocalDate.of(2016, 5, 20));
    FamilyId family = records.families().create(new CreateFamily(key(), MOTHER)).id();
    join(records, family, FATHER, KinshipRole.HUSB);
    join(records, family, DAUGHTER, KinshipRole.DAU);
    join(records, family, SON, KinshipRole.SON);
    records.families().declareGuardianship(new DeclareGuardianship(key(), family, MOTHER, MOTHER, SON,
        GuardianshipBasis.PARENT));
    out.println("   a family of four: mother (owner), father, daughter aged 15, son aged 10 (the mother is his guardian"
        + " until " + records.families().family(family).guardianships().get(0).until() + ")");

    // Consents (kinhealth-compliance): who shares what with whom. The daughter shares nothing.
    PrivacyNotice notice = publishNotice(consents);
    share(consents, notice, clock, FATHER, LocalDate.of(1988, 7, 1), MOTHER);
    share(consents, notice, clock, MOTHER, LocalDate.of(1990, 3, 8), DAUGHTER);
    consents.recordConsent(RecordConsent.builder(key(), DataSubject.of(SON, LocalDate.of(2016, 5, 20)))
        .grantedByGuardian(MOTHER, GuardianRelationship.MOTHER, GuardianVerification.HOUSEHOLD_REGISTER)
        .purposes(StandardPurposes.FAMILY_SHARING).categories(StandardCategories.HEALTH_VITAL_SIGNS)
        .actions(StandardActions.USE).recipients(Requester.person(MOTHER), Requester.person(FATHER))
        .notice(notice.reference()).channel(ConsentChannel.APP).grantedAt(clock.instant()).build());
    out.println("   consents: the father shares his vital signs with the mother, the mother with the daughter, the"
        + " mother consents as guardian for the son; the daughter shares nothing");

    // The father's real Dexcom G6 export (a public test file, see data/SOURCE.md), local times in Shanghai.
    ImportReport report;
    try (InputStream in = FamilyChapter.class.getResourceAsStream(DEXCOM);
         Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      report = records.observations().importDexcomG6(FATHER, FATHER, reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println("   Dexcom G6 export for the father: " + report.recordsRead() + " rows read, " + report.imported()
        + " glucose readings imported (mg/dL -> mmol/L), " + report.ignoredTotal() + " header/alert rows ignored, "
        + report.rejected().size() + " rejected");

    // One blood pressure, seen by the cuff and by the app that syncs it: counted once, the copy kept as provenance.
    Source cuff = Source.device("omron-hem-7136", "Omron HEM-7136");
    Source app = Source.app("huawei-health", "Huawei Health");
    record(records, MOTHER, "blood-pressure", "2026-11-25T07:30:00+08:00", cuff, 128, 82);
    record(records, MOTHER, "blood-pressure", "2026-11-25T07:31:05+08:00", app, 128, 82);
    List<DeduplicatedReading> bp = records.observations().readings(MOTHER, MOTHER, "blood-pressure",
        local("2026-11-25T00:00"), local("2026-11-26T00:00"));
    DeduplicatedReading kept = bp.get(0);
    out.println("   the mother's 07:30 blood pressure arrived twice (cuff and app): " + bp.size() + " reading kept, "
        + String.format(Locale.ROOT, "%.0f/%.0f mm[Hg]", kept.kept().value("systolic"), kept.kept().value("diastolic"))
        + " from " + kept.kept().source().label() + ", the copy from " + kept.collapsed().get(0).source().label()
        + " kept as provenance");

    // A daily summary of the father's glucose, as the mother sees it (his consent allows it).
    List<ObservationBucket> days = records.observations().statistics(MOTHER, FATHER, "blood-glucose", BucketSize.DAY,
        local("2016-10-25T00:00"), local("2016-10-26T00:00"));
    ObservationBucket day = days.get(0);
    out.println(String.format(Locale.ROOT, "   the father's glucose on %s (Shanghai day): %d readings, mean %.1f mmol/L,"
        + " range %.1f-%.1f, p50 %.1f, time in range 3.9-10.0: %.0f%%", day.localStart().toLocalDate(), day.count(),
        day.mean(), day.min(), day.max(), day.p50(), day.timeInRange().orElse(0.0) * 100));

    // Readings for the rest of the family today.
    record(records, SON, "body-temperature", "2026-11-25T08:00:00+08:00", Source.device("thermo", "Ear thermometer"),
        37.1);
    record(records, DAUGHTER, "heart-rate", "2026-11-25T08:10:00+08:00", Source.device("band", "Mi Band"), 72);
    record(records, MOTHER, "blood-glucose", "2026-11-25T07:00:00+08:00", Source.device("meter", "Yuwell meter"),
        5.1);

    List<String> types = List.of("blood-pressure", "blood-glucose", "heart-rate", "body-temperature");
    printDashboard(records.dashboard().view(MOTHER, family, types), "mother");
    printDashboard(records.dashboard().view(DAUGHTER, family, types), "daughter");
  }

  private void printDashboard(FamilyDashboardView view, String who) {
    out.println("   the family dashboard as the " + who + " sees it:");
    for (MemberCard card : view.members()) {
      StringBuilder line = new StringBuilder("     ").append(card.member()).append(" [").append(card.visibility())
          .append(']');
      for (TypeSummary t : card.types()) {
        Observation latest = t.latest();
        line.append("  ").append(t.type().key()).append(' ');
        if (t.type().hasComponents()) {
          line.append(String.format(Locale.ROOT, "%.0f/%.0f", latest.value("systolic"), latest.value("diastolic")));
        } else {
          line.append(String.format(Locale.ROOT, "%.1f", latest.value()));
        }
        line.append(' ').append(t.type().canonicalUnit());
      }
      if (card.types().isEmpty()) {
        line.append("  (nothing shared)");
      }
      out.println(line);
    }
  }

  private static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(Zones.CHINA).toInstant();
  }

  private void record(FamilyRecords records, PersonId who, String type, String at, Source source, double... values) {
    String unit = switch (type) {
      case "blood-pressure" -> "mmHg";
      case "body-temperature" -> "Cel";
      case "heart-rate" -> "bpm";
      default -> "mmol/L";
    };
    PersonId actor = who.equals(SON) ? MOTHER : who;
    records.observations().record(new RecordReading(key(), actor, Reading.builder(who, type).values(unit, values)
        .at(OffsetDateTime.parse(at)).source(source).build()));
  }

  private void profile(FamilyRecords records, PersonId person, LocalDate born) {
    records.families().registerProfile(new RegisterProfile(key(), person, born, Zones.CHINA));
  }

  private void join(FamilyRecords records, FamilyId family, PersonId who, KinshipRole role) {
    Invitation inv = records.families().invite(new InviteMember(key(), family, MOTHER, who, role, MemberRole.MEMBER));
    records.families().respond(new RespondToInvitation(key(), inv.id(), who, true));
  }

  private PrivacyNotice publishNotice(ConsentService consents) {
    Vocabulary v = consents.vocabulary();
    Set<DataCategory> top = new HashSet<>();
    v.categories().stream().filter(c -> c.parentCode().isEmpty()).forEach(top::add);
    return consents.publishNotice(new PublishNotice(key(), NoticeId.of("family-app"), new NoticeContent(
        "示例家庭健康平台", "privacy@example.cn", new HashSet<>(v.purposes()), top, new HashSet<>(v.actions()), Set.of(),
        "while the account is open", "Me > Privacy", "readings are needed to show the family dashboard", "zh-CN",
        "家庭健康档案隐私政策 v1")));
  }

  private void share(ConsentService consents, PrivacyNotice notice, Clock clock, PersonId subject, LocalDate born,
      PersonId with) {
    consents.recordConsent(RecordConsent.builder(key(), DataSubject.of(subject, born)).type(ConsentType.SEPARATE)
        .purposes(StandardPurposes.FAMILY_SHARING).categories(StandardCategories.HEALTH_VITAL_SIGNS)
        .actions(StandardActions.USE).recipients(Requester.person(with)).notice(notice.reference())
        .channel(ConsentChannel.APP).grantedAt(clock.instant()).build());
  }
}
