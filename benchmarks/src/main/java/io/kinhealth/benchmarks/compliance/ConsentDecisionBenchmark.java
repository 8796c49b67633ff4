package io.kinhealth.benchmarks.compliance;

import io.kinhealth.compliance.ConsentDecision;
import io.kinhealth.compliance.ConsentService;
import io.kinhealth.compliance.DataSubject;
import io.kinhealth.compliance.DecisionRequest;
import io.kinhealth.compliance.PublishNotice;
import io.kinhealth.compliance.RecordConsent;
import io.kinhealth.compliance.Requester;
import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.memory.InMemoryAuditStore;
import io.kinhealth.compliance.memory.InMemoryConsentStore;
import io.kinhealth.compliance.memory.InMemoryNoticeStore;
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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Consent decisions: a relative reading a family member's vital signs and mobile (separate family-sharing consent
 * naming him; the mobile comes with a masking obligation), over 1,024 subjects with three consent records each.
 *
 * <ul>
 *   <li>{@code cachedDecision}: the five-argument {@code decide} call on a warm cache (target: median ≤ 1 µs,
 *       p99 ≤ 20 µs; Cedar publishes a 4-11 µs median per request).
 *   <li>{@code cachedDecisionPreparedRequest}: the same with a {@link DecisionRequest} the host keeps.
 *   <li>{@code coldDecision}: the same question with the cache off, so every call reads the (in-memory) stores and
 *       evaluates the rules: what a miss costs.
 * </ul>
 * Sample mode, so JMH reports the median and p99 of single calls.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ConsentDecisionBenchmark {
  private static final int SUBJECTS = 1024;
  private static final Set<DataCategory> CATEGORIES = Set.of(StandardCategories.HEALTH_VITAL_SIGNS,
      StandardCategories.MOBILE);

  private ConsentService cached;
  private ConsentService cold;
  private DataSubject[] subjects;
  private Requester[] fathers;
  private DecisionRequest[] prepared;
  private int next;

  @Setup
  public void setUp() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);
    InMemoryConsentStore consents = new InMemoryConsentStore();
    InMemoryNoticeStore notices = new InMemoryNoticeStore();
    cached = ConsentService.builder().clock(clock).consentStore(consents).noticeStore(notices)
        .auditStore(new InMemoryAuditStore()).build();
    cold = ConsentService.builder().clock(clock).consentStore(consents).noticeStore(notices)
        .auditStore(new InMemoryAuditStore()).cacheMaximumSubjects(0).build();
    Vocabulary v = Vocabulary.standard();
    PrivacyNotice notice = cached.publishNotice(new PublishNotice(IdempotencyKey.of("n-1"), NoticeId.of("app"),
        new NoticeContent("Bench", "privacy@example.cn", new HashSet<>(v.purposes()),
            Set.of(StandardCategories.HEALTH, StandardCategories.CONTACT, StandardCategories.IDENTITY,
                StandardCategories.BEHAVIOR),
            new HashSet<>(v.actions()), Set.of(), "3 years", "Me > Privacy", "to show readings", "zh-CN", "text")));
    subjects = new DataSubject[SUBJECTS];
    fathers = new Requester[SUBJECTS];
    prepared = new DecisionRequest[SUBJECTS];
    int key = 0;
    for (int i = 0; i < SUBJECTS; i++) {
      subjects[i] = DataSubject.of(PersonId.of("p-" + i), LocalDate.of(1980 + i % 20, 1 + i % 12, 1 + i % 28));
      fathers[i] = Requester.person(PersonId.of("f-" + i));
      RecordConsent.Builder base = RecordConsent.builder(IdempotencyKey.of("k-" + key++), subjects[i])
          .notice(notice.reference()).channel(ConsentChannel.APP).grantedAt(clock.instant())
          .type(ConsentType.SEPARATE);
      cached.recordConsent(base.purposes(StandardPurposes.FAMILY_SHARING)
          .categories(StandardCategories.HEALTH_VITAL_SIGNS, StandardCategories.MOBILE)
          .recipients(fathers[i]).build());
      cached.recordConsent(RecordConsent.builder(IdempotencyKey.of("k-" + key++), subjects[i])
          .notice(notice.reference()).channel(ConsentChannel.APP).grantedAt(clock.instant())
          .type(ConsentType.SEPARATE).purposes(StandardPurposes.HEALTH_MONITORING)
          .categories(StandardCategories.HEALTH).build());
      cached.recordConsent(RecordConsent.builder(IdempotencyKey.of("k-" + key++), subjects[i])
          .notice(notice.reference()).channel(ConsentChannel.APP).grantedAt(clock.instant())
          .type(ConsentType.GENERAL).purposes(StandardPurposes.MARKETING)
          .categories(StandardCategories.PURCHASES).build());
      prepared[i] = DecisionRequest.of(subjects[i], fathers[i], StandardPurposes.FAMILY_SHARING, CATEGORIES,
          StandardActions.USE);
      if (!cached.decide(prepared[i]).isPermitted() || !cold.decide(prepared[i]).isPermitted()) {
        throw new IllegalStateException("benchmark set-up must produce permits");
      }
    }
  }

  private int nextIndex() {
    int i = next;
    next = (i + 1) & (SUBJECTS - 1);
    return i;
  }

  @Benchmark
  public ConsentDecision cachedDecision() {
    int i = nextIndex();
    return cached.decide(subjects[i], fathers[i], StandardPurposes.FAMILY_SHARING, CATEGORIES, StandardActions.USE);
  }

  @Benchmark
  public ConsentDecision cachedDecisionPreparedRequest() {
    return cached.decide(prepared[nextIndex()]);
  }

  @Benchmark
  public ConsentDecision coldDecision() {
    int i = nextIndex();
    return cold.decide(subjects[i], fathers[i], StandardPurposes.FAMILY_SHARING, CATEGORIES, StandardActions.USE);
  }
}
