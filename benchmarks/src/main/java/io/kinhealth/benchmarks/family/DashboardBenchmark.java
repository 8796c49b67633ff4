package io.kinhealth.benchmarks.family;

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
import io.kinhealth.family.graph.FamilyId;
import io.kinhealth.family.graph.GuardianshipBasis;
import io.kinhealth.family.graph.Invitation;
import io.kinhealth.family.graph.KinshipRole;
import io.kinhealth.family.graph.MemberRole;
import io.kinhealth.family.observation.GestationalAge;
import io.kinhealth.family.observation.ObservationContext;
import io.kinhealth.family.observation.Reading;
import io.kinhealth.family.observation.Source;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The family dashboard for a family of 4 with 8 types and 90 days of readings (the father wears a CGM: 288 glucose
 * readings a day; steps hourly; other types 3 a day; 88,000 readings in all), seen by the mother: a consent decision
 * per member and category made and audited by kinhealth-compliance at every view (the teenager shares nothing and is
 * hidden), latest readings, 7/30/90-day trends from cached daily buckets. {@code view} is the steady state;
 * {@code viewAfterNewReading} first records a new blood-pressure reading, so one daily bucket is recomputed. Sampled
 * latencies: JMH reports p50/p99 in the JSON.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@State(Scope.Thread)
public class DashboardBenchmark {
  static final PersonId MOTHER = PersonId.of("b-mother");
  static final PersonId FATHER = PersonId.of("b-father");
  static final PersonId DAUGHTER = PersonId.of("b-daughter");
  static final PersonId SON = PersonId.of("b-son");
  static final List<String> TYPES = List.of("blood-pressure", "heart-rate", "blood-glucose", "body-temperature",
      "body-weight", "oxygen-saturation", "steps", "fetal-heart-rate");
  static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");

  private final AtomicLong keys = new AtomicLong();
  private FamilyRecords records;
  private FamilyId family;
  private long extra;

  IdempotencyKey key() {
    return IdempotencyKey.of("b-" + keys.incrementAndGet());
  }

  @Setup(Level.Trial)
  public void setUp() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ConsentService consents = ConsentService.builder().clock(clock).build();
    records = FamilyRecords.builder().clock(clock).consentService(consents).build();
    Vocabulary v = consents.vocabulary();
    Set<DataCategory> top = new HashSet<>();
    v.categories().stream().filter(c -> c.parentCode().isEmpty()).forEach(top::add);
    PrivacyNotice notice = consents.publishNotice(new PublishNotice(key(), NoticeId.of("app"), new NoticeContent(
        "bench", "bench@example.cn", new HashSet<>(v.purposes()), top, new HashSet<>(v.actions()), Set.of(), "1y",
        "app", "health", "zh-CN", "v1")));
    register(MOTHER, LocalDate.of(1992, 4, 1));
    register(FATHER, LocalDate.of(1990, 1, 1));
    register(DAUGHTER, LocalDate.of(2011, 6, 15));
    register(SON, LocalDate.of(2016, 5, 20));
    family = records.families().create(new CreateFamily(key(), MOTHER)).id();
    join(FATHER, KinshipRole.HUSB);
    join(DAUGHTER, KinshipRole.DAU);
    join(SON, KinshipRole.SON);
    records.families().declareGuardianship(new DeclareGuardianship(key(), family, MOTHER, MOTHER, SON,
        GuardianshipBasis.PARENT));
    consents.recordConsent(RecordConsent.builder(key(), DataSubject.of(FATHER, LocalDate.of(1990, 1, 1)))
        .type(ConsentType.SEPARATE).purposes(StandardPurposes.FAMILY_SHARING)
        .categories(StandardCategories.HEALTH_VITAL_SIGNS, StandardCategories.HEALTH_PREGNANCY)
        .actions(StandardActions.USE).recipients(Requester.person(MOTHER)).notice(notice.reference())
        .channel(ConsentChannel.APP).grantedAt(NOW).build());
    consents.recordConsent(RecordConsent.builder(key(), DataSubject.of(SON, LocalDate.of(2016, 5, 20)))
        .grantedByGuardian(MOTHER, GuardianRelationship.MOTHER, GuardianVerification.HOUSEHOLD_REGISTER)
        .purposes(StandardPurposes.FAMILY_SHARING).categories(StandardCategories.HEALTH_VITAL_SIGNS)
        .actions(StandardActions.USE).recipients(Requester.person(MOTHER)).notice(notice.reference())
        .channel(ConsentChannel.APP).grantedAt(NOW).build());
    Random r = new Random(42);
    for (PersonId who : List.of(MOTHER, FATHER, DAUGHTER, SON)) {
      List<Reading> batch = new ArrayList<>();
      for (int d = 0; d < 90; d++) {
        LocalDate day = LocalDate.of(2026, 11, 25).minusDays(89 - d);
        for (int h = 7; h <= 19; h += 6) {
          Instant at = day.atTime(h, 0).atZone(Zones.CHINA).toInstant();
          batch.add(reading(who, "blood-pressure", at, "mmHg", 110 + r.nextInt(40), 70 + r.nextInt(20)));
          batch.add(reading(who, "heart-rate", at, "bpm", 60 + r.nextInt(40)));
          batch.add(reading(who, "body-temperature", at, "Cel", 36.2 + r.nextInt(10) / 10.0));
          batch.add(reading(who, "body-weight", at, "kg", 60 + r.nextInt(10)));
          batch.add(reading(who, "oxygen-saturation", at, "%", 94 + r.nextInt(6)));
          if (who.equals(MOTHER)) {
            batch.add(Reading.builder(who, "fetal-heart-rate").values("bpm", 130 + r.nextInt(20))
                .at(at, ZoneOffset.ofHours(8)).context(ObservationContext.NONE.withGestationalAge(
                    GestationalAge.weeks(20 + d / 7))).source(Source.device("fhr-doppler", "Doppler")).build());
          }
          if (!who.equals(FATHER)) {
            batch.add(reading(who, "blood-glucose", at, "mmol/L", 4.5 + r.nextInt(40) / 10.0));
          }
        }
        for (int h = 0; h < 24; h++) {
          Instant at = day.atTime(h, 0).atZone(Zones.CHINA).toInstant();
          batch.add(Reading.builder(who, "steps").values("steps", r.nextInt(800)).at(at, ZoneOffset.ofHours(8))
              .until(at.plusSeconds(3600)).source(Source.app("wechat-sport", "WeChat Sport")).build());
        }
        if (who.equals(FATHER)) {
          for (int m = 0; m < 288; m++) {
            Instant at = day.atStartOfDay(Zones.CHINA).toInstant().plusSeconds(m * 300L);
            batch.add(reading(who, "blood-glucose", at, "mg/dL", 80 + r.nextInt(120)));
          }
        }
      }
      records.observations().importReadings(who, who, batch);
    }
    records.dashboard().view(MOTHER, family, TYPES); // fill the bucket cache once
  }

  private void register(PersonId p, LocalDate born) {
    records.families().registerProfile(new RegisterProfile(key(), p, born, Zones.CHINA));
  }

  private void join(PersonId who, KinshipRole role) {
    Invitation inv = records.families().invite(new InviteMember(key(), family, MOTHER, who, role, MemberRole.MEMBER));
    records.families().respond(new RespondToInvitation(key(), inv.id(), who, true));
  }

  private static Reading reading(PersonId who, String type, Instant at, String unit, double... values) {
    return Reading.builder(who, type).values(unit, values).at(at, ZoneOffset.ofHours(8))
        .source(Source.device("home-" + type, "Home device")).build();
  }

  @Benchmark
  public FamilyDashboardView view() {
    return records.dashboard().view(MOTHER, family, TYPES);
  }

  @Benchmark
  public FamilyDashboardView viewAfterNewReading() {
    extra++;
    records.observations().record(new RecordReading(key(), FATHER, reading(FATHER, "blood-pressure",
        NOW.minusSeconds(3 * 3600).plusMillis(extra), "mmHg", 120, 80)));
    return records.dashboard().view(MOTHER, family, TYPES);
  }
}
