package io.kinhealth.compliance;

import static io.kinhealth.compliance.Fixture.MOTHER;
import static io.kinhealth.compliance.Fixture.MOTHER_SUBJECT;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_VITAL_SIGNS;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.HEALTH_MONITORING;
import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.taxonomy.StandardActions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Readers hammer the cached decision while a withdrawal happens: no decision that starts after the withdrawal
 * returned may still permit (the cache must never resurrect a decision computed before it).
 */
@DisplayName("Withdrawal under concurrent decisions")
class WithdrawalConcurrencyTest {
  @RepeatedTest(10)
  @DisplayName("every decision started after withdrawConsent returned is a DENY")
  void noPermitAfterWithdrawal() throws Exception {
    Fixture f = new Fixture();
    ConsentRecord c = f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
    DecisionRequest q = DecisionRequest.of(MOTHER_SUBJECT, Requester.platform(), HEALTH_MONITORING,
        HEALTH_VITAL_SIGNS, StandardActions.USE);
    AtomicBoolean withdrawn = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(3);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Integer>> violations = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      violations.add(pool.submit(() -> {
        started.countDown();
        int bad = 0;
        int afterCount = 0;
        while (!stop.get() || afterCount < 200) {
          boolean after = withdrawn.get(); // read before deciding: the decision starts after this point
          ConsentDecision d = f.service.decide(q);
          if (after) {
            afterCount++;
            if (d.isPermitted()) {
              bad++;
            }
          }
        }
        return bad;
      }));
    }
    started.await();
    for (int i = 0; i < 2_000; i++) {
      assertThat(f.service.decide(q).isPermitted()).isTrue();
    }
    f.service.withdrawConsent(WithdrawConsent.of(f.key(), c.id(), MOTHER, ConsentChannel.APP));
    withdrawn.set(true);
    stop.set(true);
    int total = 0;
    for (Future<Integer> v : violations) {
      total += v.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(total).isZero();
  }
}
