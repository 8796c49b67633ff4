package io.kinhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.attribution.ScanCommand;
import io.kinhealth.referral.attribution.ScanOutcome;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.EntryRequest;
import io.kinhealth.referral.ledger.JournalEntry;
import io.kinhealth.referral.ledger.LedgerAccount;
import io.kinhealth.referral.ledger.Transfer;
import io.kinhealth.referral.memory.InMemoryLedgerStore;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRefund;
import io.kinhealth.referral.order.OrderSettlement;
import io.kinhealth.referral.order.PaidOrder;
import io.kinhealth.referral.order.RefundId;
import io.kinhealth.referral.order.RefundSettlement;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.split.OrderLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Eight threads posting overlapping work with duplicate ids")
class ConcurrencyTest {
  static final int THREADS = 8;

  /** Runs {@code work(thread)} on eight threads released together; rethrows the first failure. */
  static void race(java.util.function.IntConsumer work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          start.await();
          work.accept(thread);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("ledger entries: each id takes effect once, with whichever body came first")
  void ledgerEntries() throws Exception {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    Ledger ledger = Ledger.builder().store(store).build();
    AccountId provider = AccountId.provider("wechat");
    ledger.open(LedgerAccount.of(provider));
    List<AccountId> parties = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      AccountId a = AccountId.earnings(PartyId.of("p" + i));
      ledger.open(LedgerAccount.of(a));
      parties.add(a);
    }
    int ids = 2_000;
    // Two candidate bodies per id: most threads send the first, some the second.
    List<EntryRequest[]> candidates = new ArrayList<>();
    Random random = new Random(42);
    for (int i = 0; i < ids; i++) {
      EntryRequest[] pair = new EntryRequest[2];
      for (int v = 0; v < 2; v++) {
        pair[v] = EntryRequest.builder(EntryId.of("e" + i))
            .add(Transfer.post(provider, parties.get(random.nextInt(parties.size())),
                Money.ofMinor(1 + random.nextInt(10_000))))
            .add(Transfer.post(provider, parties.get(random.nextInt(parties.size())), Money.ofMinor(1 + v)))
            .build();
      }
      candidates.add(pair);
    }
    Map<EntryId, List<JournalEntry>> results = new ConcurrentHashMap<>();
    AtomicInteger conflicts = new AtomicInteger();
    race(thread -> {
      Random r = new Random(thread);
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < ids; i++) {
        order.add(i);
      }
      Collections.shuffle(order, r);
      for (int i : order) {
        EntryRequest request = candidates.get(i)[r.nextInt(10) == 0 ? 1 : 0];
        try {
          JournalEntry e = ledger.post(request);
          assertThat(e.request()).isEqualTo(request);
          results.computeIfAbsent(request.id(), k -> Collections.synchronizedList(new ArrayList<>())).add(e);
        } catch (IdempotencyConflictException other) {
          conflicts.incrementAndGet();
          assertThat(ledger.entry(request.id()).orElseThrow().request()).isNotEqualTo(request);
        }
      }
    });
    assertThat(store.entryCount()).isEqualTo(ids);
    assertThat(conflicts.get()).isPositive();
    Map<AccountId, Long> expected = new HashMap<>();
    for (int i = 0; i < ids; i++) {
      JournalEntry stored = ledger.entry(EntryId.of("e" + i)).orElseThrow();
      assertThat(results.getOrDefault(stored.id(), List.of())).allSatisfy(e -> assertThat(e).isEqualTo(stored));
      for (Transfer t : stored.transfers()) {
        expected.merge(t.credit(), t.amount().minor(), Long::sum);
      }
    }
    for (AccountId a : parties) {
      assertThat(ledger.balance(a).postedMinor()).as("%s", a).isEqualTo(expected.getOrDefault(a, 0L));
    }
    assertThat(ledger.check().isSound()).isTrue();
  }

  @Test
  @DisplayName("orders, refunds and scans: each recorded once, every thread seeing the same settlement")
  void engine() throws Exception {
    TestClock clock = TestClock.at("2026-11-25T02:00:00Z");
    ReferralEngine engine = ReferralEngine.builder().clock(clock).build();
    engine.rules().publish(Seeds.paidQa());
    engine.rules().publish(Seeds.beauty());
    String token = engine.attribution().issueToken(PartyId.of("sharer"), 1, Duration.ofDays(1)).value();
    int orders = 200;
    Map<String, List<Object>> seen = new ConcurrentHashMap<>();
    race(thread -> {
      Random r = new Random(thread);
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < orders; i++) {
        order.add(i);
      }
      Collections.shuffle(order, r);
      for (int i : order) {
        PartyId reader = PartyId.of("reader-" + (i % 20));
        ScanOutcome scan = engine.attribution().scan(ScanCommand.of(IdempotencyKey.of("scan-" + (i % 20)), token,
            reader));
        seen.computeIfAbsent("scan-" + (i % 20), k -> Collections.synchronizedList(new ArrayList<>())).add(scan);
        PaidOrder paid = new PaidOrder(OrderId.of("u" + i), reader, Seeds.PAID_QA, clock.instant(), "wechat",
            List.of(OrderLine.of("unlock", RevenueCategory.CONTENT, Money.ofMinor(100 + i))),
            Map.of(PartyRole.ANSWERER, PartyId.of("answerer")));
        OrderSettlement s = engine.recordPaidOrder(paid);
        seen.computeIfAbsent("u" + i, k -> Collections.synchronizedList(new ArrayList<>())).add(s);
        RefundSettlement refund = engine.recordRefund(OrderRefund.ofTotal(RefundId.of("r" + i), paid.id(),
            clock.instant(), Money.ofMinor(1 + i % 7)));
        seen.computeIfAbsent("r" + i, k -> Collections.synchronizedList(new ArrayList<>())).add(refund);
      }
    });
    long in = 0;
    long out = 0;
    for (int i = 0; i < orders; i++) {
      assertThat(seen.get("u" + i)).hasSize(THREADS).containsOnly(seen.get("u" + i).get(0));
      assertThat(seen.get("r" + i)).hasSize(THREADS).containsOnly(seen.get("r" + i).get(0));
      in += 100 + i;
      out += 1 + i % 7;
      assertThat(engine.order(OrderId.of("u" + i)).orElseThrow().version()).isEqualTo(1);
    }
    assertThat(seen.get("scan-0")).containsOnly(seen.get("scan-0").get(0));
    assertThat(engine.ledger().balance(AccountId.provider("wechat")).postedMinor()).isEqualTo(in - out);
    assertThat(engine.ledger().check().isSound()).isTrue();
  }
}
