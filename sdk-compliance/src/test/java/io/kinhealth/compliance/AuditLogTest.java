package io.kinhealth.compliance;

import static io.kinhealth.compliance.Fixture.FATHER;
import static io.kinhealth.compliance.Fixture.MOTHER_SUBJECT;
import static io.kinhealth.compliance.taxonomy.StandardActions.USE;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_VITAL_SIGNS;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.FAMILY_SHARING;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.HEALTH_MONITORING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.audit.AuditCheckpoint;
import io.kinhealth.compliance.audit.AuditEntry;
import io.kinhealth.compliance.audit.AuditEntryTypes;
import io.kinhealth.compliance.audit.AuditLog;
import io.kinhealth.compliance.audit.AuditRecord;
import io.kinhealth.compliance.audit.AuditVerification;
import io.kinhealth.compliance.memory.InMemoryAuditStore;
import io.kinhealth.compliance.spi.AuditStore;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

@DisplayName("The hash-chained audit log")
class AuditLogTest {
  private final MutableClock clock = MutableClock.at(Fixture.START);

  private AuditLog logWith(int entries, InMemoryAuditStore store) {
    AuditLog log = AuditLog.of(store, new InMemoryTransactionRunner(), clock);
    for (int i = 1; i <= entries; i++) {
      log.append(AuditRecord.of("test.event", PersonId.of("p-" + (i % 3))).withAttribute("n", Integer.toString(i)),
          IdempotencyKey.of("a-" + i));
      clock.advance(java.time.Duration.ofSeconds(1));
    }
    return log;
  }

  /** A store that shows a tampered view of an honest one, as a database edited behind the SDK's back would. */
  private static AuditStore tampered(InMemoryAuditStore honest, UnaryOperator<List<AuditEntry>> edit) {
    return new AuditStore() {
      @Override
      public AuditEntry append(AuditEntry entry, IdempotencyKey key) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Optional<AuditEntry> last() {
        List<AuditEntry> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
      }

      @Override
      public Page<AuditEntry> read(long fromSequence, PageRequest page) {
        List<AuditEntry> all = all();
        int from = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
        int to = Math.min(all.size(), from + page.limit());
        return to < all.size() ? new Page<>(all.subList(from, to), Integer.toString(to))
            : Page.last(all.subList(from, to));
      }

      @Override
      public Page<AuditEntry> findBySubject(PersonId subjectId, PageRequest page) {
        throw new UnsupportedOperationException();
      }

      private List<AuditEntry> all() {
        List<AuditEntry> list = new ArrayList<>();
        PageRequest p = PageRequest.first(1000);
        while (true) {
          Page<AuditEntry> page = honest.read(1, p);
          list.addAll(page.items());
          if (!page.hasNext()) {
            return edit.apply(list);
          }
          p = p.next(page);
        }
      }
    };
  }

  private AuditVerification verifyTampered(InMemoryAuditStore honest, UnaryOperator<List<AuditEntry>> edit) {
    return AuditLog.of(tampered(honest, edit), new InMemoryTransactionRunner(), clock).verify();
  }

  @Test
  @DisplayName("an untouched chain verifies, across pages")
  void intact() {
    InMemoryAuditStore store = new InMemoryAuditStore();
    AuditLog log = logWith(1_203, store);
    AuditVerification v = log.verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.entriesChecked()).isEqualTo(1_203);
    assertThat(log.verify(log.checkpoint().orElseThrow()).intact()).isTrue();
  }

  @RepeatedTest(20)
  @DisplayName("verify() names the first entry whose content was altered, with or without a re-computed hash")
  void alteredEntryIsNamed(RepetitionInfo info) {
    long seed = 7_000L + info.getCurrentRepetition();
    Random random = new Random(seed);
    InMemoryAuditStore store = new InMemoryAuditStore();
    int n = 5 + random.nextInt(60);
    logWith(n, store);
    int victim = 1 + random.nextInt(n);
    boolean rehash = random.nextBoolean();
    AuditVerification v = verifyTampered(store, list -> {
      AuditEntry e = list.get(victim - 1);
      AuditRecord forged = e.record().withAttribute("n", "forged");
      String hash = rehash ? AuditEntry.computeHash(e.sequence(), e.recordedAt(), forged, e.previousHash()) : e.hash();
      list.set(victim - 1, new AuditEntry(e.sequence(), e.recordedAt(), forged, e.previousHash(), hash));
      return list;
    });
    if (rehash && victim == n) {
      // Re-hashing the newest entry leaves a consistent chain: only a checkpoint kept elsewhere reveals it.
      assertThat(v.intact()).as("seed %d", seed).isTrue();
      return;
    }
    assertThat(v.intact()).as("seed %d", seed).isFalse();
    assertThat(v.problem()).as("seed %d", seed).contains(AuditVerification.Problem.ALTERED);
    assertThat(v.firstBadSequence().getAsLong()).as("seed %d", seed).isEqualTo(victim);
  }

  @RepeatedTest(20)
  @DisplayName("verify() names the first entry that was removed")
  void removedEntryIsNamed(RepetitionInfo info) {
    long seed = 9_000L + info.getCurrentRepetition();
    Random random = new Random(seed);
    InMemoryAuditStore store = new InMemoryAuditStore();
    int n = 5 + random.nextInt(60);
    logWith(n, store);
    int victim = 1 + random.nextInt(n - 1);
    AuditVerification v = verifyTampered(store, list -> {
      list.remove(victim - 1);
      return list;
    });
    assertThat(v.problem()).as("seed %d", seed).contains(AuditVerification.Problem.REMOVED);
    assertThat(v.firstBadSequence().getAsLong()).as("seed %d", seed).isEqualTo(victim);
  }

  @Test
  @DisplayName("cutting off the newest entries is caught against a checkpoint")
  void truncationAgainstCheckpoint() {
    InMemoryAuditStore store = new InMemoryAuditStore();
    AuditLog log = logWith(10, store);
    AuditCheckpoint head = log.checkpoint().orElseThrow();
    AuditLog cut = AuditLog.of(tampered(store, list -> new ArrayList<>(list.subList(0, 7))),
        new InMemoryTransactionRunner(), clock);
    assertThat(cut.verify().intact()).isTrue();
    AuditVerification v = cut.verify(head);
    assertThat(v.problem()).contains(AuditVerification.Problem.TRUNCATED);
    assertThat(v.firstBadSequence().getAsLong()).isEqualTo(8);
  }

  @Test
  @DisplayName("appends are idempotent per key, and a key reused for another record is a conflict")
  void idempotentAppend() {
    InMemoryAuditStore store = new InMemoryAuditStore();
    AuditLog log = logWith(2, store);
    AuditRecord r = AuditRecord.of("marketing.decision", PersonId.of("p-9")).withAttribute("outcome", "DENY");
    AuditEntry first = log.append(r, IdempotencyKey.of("m-1"));
    clock.advance(java.time.Duration.ofMinutes(1));
    assertThat(log.append(r, IdempotencyKey.of("m-1"))).isEqualTo(first);
    assertThat(log.checkpoint().orElseThrow().sequence()).isEqualTo(3);
    assertThatThrownBy(() -> log.append(r.withAttribute("outcome", "PERMIT"), IdempotencyKey.of("m-1")))
        .isInstanceOf(IdempotencyConflictException.class);
  }

  @Test
  @DisplayName("a decision's audit entry holds codes, the policy version and an input digest, never personal data")
  void decisionAudit() {
    Fixture f = new Fixture();
    f.familySharing(MOTHER_SUBJECT, Requester.person(FATHER), HEALTH_VITAL_SIGNS);
    DecisionRequest q = DecisionRequest.of(MOTHER_SUBJECT, Requester.person(FATHER), FAMILY_SHARING,
        HEALTH_VITAL_SIGNS, USE);
    ConsentDecision d = f.service.decideAndAudit(q, IdempotencyKey.of("read-1"));
    assertThat(d.isPermitted()).isTrue();
    AuditEntry e = f.service.auditLog().entriesOf(MOTHER_SUBJECT.id(), PageRequest.first(50)).items().stream()
        .filter(x -> x.record().type().equals(AuditEntryTypes.DECISION)).findFirst().orElseThrow();
    assertThat(e.record().actor()).isEqualTo("person:p-father");
    assertThat(e.record().attributes()).containsEntry("outcome", "PERMIT").containsEntry("purpose", "family_sharing")
        .containsEntry("categories", "health.vital_signs").containsEntry("lawfulBasis", "consent");
    assertThat(e.record().policyVersion()).isEqualTo(f.service.policyVersion());
    assertThat(e.record().inputDigest()).isEqualTo(q.digest()).hasSize(64);
    assertThat(e.record().toString()).doesNotContain("1990");
    assertThat(f.service.auditLog().verify().intact()).isTrue();
  }

  @Test
  @DisplayName("a read that must be audited is denied when the audit cannot be written")
  void auditFailureDenies() {
    FailingAuditStore audit = new FailingAuditStore();
    Fixture f = new Fixture(ConsentService.builder().auditStore(audit));
    f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
    audit.fail = true;
    ConsentDecision d = f.service.decideAndAudit(DecisionRequest.of(MOTHER_SUBJECT, Requester.platform(),
        HEALTH_MONITORING, HEALTH_VITAL_SIGNS, USE), IdempotencyKey.of("read-2"));
    assertThat(d.isDenied()).isTrue();
    assertThat(d.primaryReason().code()).isEqualTo(DecisionReasons.AUDIT_FAILED);
  }

  @Test
  @DisplayName("notices, consents and withdrawals are all in the chain")
  void everythingIsAudited() {
    Fixture f = new Fixture();
    var c = f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
    f.service.withdrawConsent(WithdrawConsent.of(f.key(), c.id(), Fixture.MOTHER,
        io.kinhealth.compliance.consent.ConsentChannel.APP));
    List<String> types = f.service.auditLog().read(1, PageRequest.first(10)).items().stream()
        .map(x -> x.record().type()).toList();
    assertThat(types).containsExactly(AuditEntryTypes.NOTICE_PUBLISHED, AuditEntryTypes.CONSENT_RECORDED,
        AuditEntryTypes.CONSENT_WITHDRAWN);
  }
}
