package io.kinhealth.family.support;

import io.kinhealth.compliance.ConsentService;
import io.kinhealth.compliance.DataSubject;
import io.kinhealth.compliance.PublishNotice;
import io.kinhealth.compliance.RecordConsent;
import io.kinhealth.compliance.Requester;
import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.consent.GuardianRelationship;
import io.kinhealth.compliance.consent.GuardianVerification;
import io.kinhealth.compliance.notice.NoticeContent;
import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.StandardActions;
import io.kinhealth.compliance.taxonomy.StandardPurposes;
import io.kinhealth.compliance.taxonomy.Vocabulary;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.model.Zones;
import io.kinhealth.family.CreateFamily;
import io.kinhealth.family.DeclareGuardianship;
import io.kinhealth.family.FamilyRecords;
import io.kinhealth.family.InviteMember;
import io.kinhealth.family.RegisterProfile;
import io.kinhealth.family.RespondToInvitation;
import io.kinhealth.family.graph.Family;
import io.kinhealth.family.graph.FamilyId;
import io.kinhealth.family.graph.GuardianshipBasis;
import io.kinhealth.family.graph.Invitation;
import io.kinhealth.family.graph.KinshipRole;
import io.kinhealth.family.graph.MemberRole;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A family of four on the SDK's defaults (family sharing decided by kinhealth-compliance) with a mutable clock at
 * 2026-11-25 10:00 Shanghai: the mother owns it; the father (her husband), the daughter (15: consents for herself)
 * and the son (10: his mother is his guardian) joined by invitation.
 */
public final class Family4 {
  public static final PersonId MOTHER = PersonId.of("p-mother");
  public static final PersonId FATHER = PersonId.of("p-father");
  public static final PersonId DAUGHTER = PersonId.of("p-daughter");
  public static final PersonId SON = PersonId.of("p-son");
  public static final LocalDate MOTHER_BORN = LocalDate.of(1990, 3, 8);
  public static final LocalDate FATHER_BORN = LocalDate.of(1988, 7, 1);
  public static final LocalDate DAUGHTER_BORN = LocalDate.of(2011, 6, 15);
  public static final LocalDate SON_BORN = LocalDate.of(2016, 5, 20);

  public final MutableClock clock = MutableClock.at("2026-11-25T02:00:00Z");
  public final FamilyRecords records;
  public final ConsentService consents;
  public final PrivacyNotice notice;
  public final FamilyId family;
  private final AtomicInteger keys = new AtomicInteger();

  public Family4() {
    this(b -> b);
  }

  public Family4(UnaryOperator<FamilyRecords.Builder> customise) {
    consents = ConsentService.builder().clock(clock).build();
    records = customise.apply(FamilyRecords.builder().clock(clock).consentService(consents)).build();
    Vocabulary v = consents.vocabulary();
    Set<DataCategory> top = new HashSet<>();
    for (DataCategory c : v.categories()) {
      if (c.parentCode().isEmpty()) {
        top.add(c);
      }
    }
    notice = consents.publishNotice(new PublishNotice(key(), NoticeId.of("app"), new NoticeContent("示例健康平台",
        "privacy@example.cn", new HashSet<>(v.purposes()), top, new HashSet<>(v.actions()), Set.of(),
        "while the account is open", "Me > Privacy", "health data is needed to show family readings", "zh-CN",
        "隐私政策 v1")));
    profile(MOTHER, MOTHER_BORN);
    profile(FATHER, FATHER_BORN);
    profile(DAUGHTER, DAUGHTER_BORN);
    profile(SON, SON_BORN);
    Family f = records.families().create(new CreateFamily(key(), MOTHER));
    family = f.id();
    join(FATHER, KinshipRole.HUSB, MemberRole.MANAGER);
    join(DAUGHTER, KinshipRole.DAU, MemberRole.MEMBER);
    join(SON, KinshipRole.SON, MemberRole.MEMBER);
    records.families().declareGuardianship(new DeclareGuardianship(key(), family, MOTHER, MOTHER, SON,
        GuardianshipBasis.PARENT));
  }

  public IdempotencyKey key() {
    return IdempotencyKey.of("t-" + keys.incrementAndGet());
  }

  public void profile(PersonId person, LocalDate born) {
    records.families().registerProfile(new RegisterProfile(key(), person, born, Zones.CHINA));
  }

  public void join(PersonId who, KinshipRole asMothers, MemberRole role) {
    Invitation inv = records.families().invite(new InviteMember(key(), family, MOTHER, who, asMothers, role));
    records.families().respond(new RespondToInvitation(key(), inv.id(), who, true));
  }

  /** {@code subject} (an adult or a minor from 14) shares categories with one relative. */
  public ConsentRecord share(PersonId subject, LocalDate born, PersonId with, DataCategory... categories) {
    return consents.recordConsent(RecordConsent.builder(key(), DataSubject.of(subject, born))
        .type(ConsentType.SEPARATE).purposes(StandardPurposes.FAMILY_SHARING).categories(categories)
        .actions(StandardActions.USE).recipients(Requester.person(with)).notice(notice.reference())
        .channel(ConsentChannel.APP).grantedAt(clock.instant()).build());
  }

  /** The mother consents as guardian for the son to share with the given relatives. */
  public ConsentRecord shareSonAsGuardian(Set<PersonId> with, DataCategory... categories) {
    return consents.recordConsent(RecordConsent.builder(key(), DataSubject.of(SON, SON_BORN))
        .grantedByGuardian(MOTHER, GuardianRelationship.MOTHER, GuardianVerification.HOUSEHOLD_REGISTER)
        .purposes(StandardPurposes.FAMILY_SHARING).categories(categories).actions(StandardActions.USE)
        .recipients(with.stream().map(Requester::person).toArray(Requester[]::new)).notice(notice.reference())
        .channel(ConsentChannel.APP).grantedAt(clock.instant()).build());
  }

  public static Set<PersonId> people(PersonId... ids) {
    return new HashSet<>(Arrays.asList(ids));
  }
}
