package io.kinhealth.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.consent.GuardianRelationship;
import io.kinhealth.compliance.consent.GuardianVerification;
import io.kinhealth.compliance.memory.InMemoryAuditStore;
import io.kinhealth.compliance.memory.InMemoryConsentStore;
import io.kinhealth.compliance.memory.InMemoryNoticeStore;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.compliance.taxonomy.StandardActions;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.compliance.taxonomy.StandardPurposes;
import io.kinhealth.core.error.KinHealthException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryEventBus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Random histories of consents, refusals, withdrawals and passing time: a caching service must always answer what
 * a service without a cache answers over the same stores, and any permit must rest on a consent in force.
 */
@DisplayName("Decision cache simulation")
class DecisionCacheSimulationTest {
  private static final Purpose[] PURPOSES = {StandardPurposes.HEALTH_MONITORING, StandardPurposes.MARKETING,
      StandardPurposes.FAMILY_SHARING};
  private static final DataCategory[] CATEGORIES = {StandardCategories.HEALTH, StandardCategories.HEALTH_VITAL_SIGNS,
      StandardCategories.HEALTH_PREGNANCY, StandardCategories.MOBILE, StandardCategories.PURCHASES};
  private static final ProcessingAction[] ACTIONS = {StandardActions.USE, StandardActions.COLLECT};
  private static final Requester[] REQUESTERS = {Requester.platform(), Requester.person(Fixture.FATHER),
      Requester.person(Fixture.UNCLE)};

  @RepeatedTest(25)
  @DisplayName("cached and uncached decisions agree after every step of a random history")
  void cachedEqualsUncached(RepetitionInfo info) {
    long seed = 31_000L + info.getCurrentRepetition();
    Random random = new Random(seed);
    var consents = new InMemoryConsentStore();
    var notices = new InMemoryNoticeStore();
    var bus = new InMemoryEventBus();
    Fixture f = new Fixture(ConsentService.builder().consentStore(consents).noticeStore(notices)
        .auditStore(new InMemoryAuditStore()).eventBus(bus));
    ConsentService uncached = ConsentService.builder().clock(f.clock).consentStore(consents).noticeStore(notices)
        .cacheMaximumSubjects(0).build();
    List<DataSubject> subjects = List.of(Fixture.MOTHER_SUBJECT,
        DataSubject.of(PersonId.of("p-kid"), LocalDate.of(2012, 11, 27 + random.nextInt(3))),
        DataSubject.of(PersonId.of("p-gran"), LocalDate.of(1950, 1, 1)));
    List<ConsentRecord> recorded = new ArrayList<>();
    for (int step = 0; step < 120; step++) {
      int op = random.nextInt(10);
      DataSubject s = subjects.get(random.nextInt(subjects.size()));
      try {
        if (op < 3) {
          recorded.add(record(f, s, random));
        } else if (op == 3 && !recorded.isEmpty()) {
          ConsentRecord c = recorded.get(random.nextInt(recorded.size()));
          f.service.withdrawConsent(WithdrawConsent.of(f.key(), c.id(), c.grant().grantor().personId(),
              ConsentChannel.APP));
        } else if (op == 4) {
          f.clock.advance(Duration.ofHours(1 + random.nextInt(48)));
        }
      } catch (KinHealthException rejected) {
        // invalid random commands are rejected whole; the history continues
      }
      for (int q = 0; q < 4; q++) {
        DecisionRequest r = DecisionRequest.of(subjects.get(random.nextInt(subjects.size())),
            REQUESTERS[random.nextInt(REQUESTERS.length)], PURPOSES[random.nextInt(PURPOSES.length)],
            Set.of(CATEGORIES[random.nextInt(CATEGORIES.length)]), ACTIONS[random.nextInt(ACTIONS.length)]);
        ConsentDecision cached = f.service.decide(r);
        ConsentDecision fresh = uncached.decide(r);
        assertThat(cached).as("seed %d step %d %s", seed, step, r).isEqualTo(fresh);
        if (cached.isPermitted() && !r.requester().isSubject(r.subject().id())) {
          assertThat(cached.basedOn()).as("seed %d step %d", seed, step).isNotEmpty();
          for (var id : cached.basedOn()) {
            ConsentRecord c = f.service.findConsent(id).orElseThrow();
            assertThat(c.isInForceAt(f.clock.instant())).as("seed %d step %d", seed, step).isTrue();
          }
        }
      }
    }
  }

  private static ConsentRecord record(Fixture f, DataSubject s, Random random) {
    RecordConsent.Builder b = f.consent(s).purposes(PURPOSES[random.nextInt(PURPOSES.length)])
        .categories(CATEGORIES[random.nextInt(CATEGORIES.length)]);
    if (random.nextInt(8) == 0) {
      b.refused();
    }
    if (random.nextBoolean()) {
      b.recipients(REQUESTERS[1 + random.nextInt(2)]);
    }
    if (random.nextInt(3) == 0) {
      b.expiresAt(f.clock.instant().plus(Duration.ofHours(1 + random.nextInt(72))));
    }
    if (s.id().value().equals("p-kid") && random.nextBoolean()) {
      b.grantedByGuardian(Fixture.MOTHER, GuardianRelationship.MOTHER, GuardianVerification.HOUSEHOLD_REGISTER);
    } else {
      b.type(random.nextInt(4) == 0 ? ConsentType.GENERAL : ConsentType.SEPARATE);
    }
    return f.service.recordConsent(b.build());
  }
}
