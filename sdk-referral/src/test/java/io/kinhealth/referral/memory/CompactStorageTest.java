package io.kinhealth.referral.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.LimitExceededException;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.referral.Ledger;
import io.kinhealth.referral.TestClock;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.AccountLine;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.EntryRequest;
import io.kinhealth.referral.ledger.Hold;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.ledger.HoldState;
import io.kinhealth.referral.ledger.JournalEntry;
import io.kinhealth.referral.ledger.LedgerAccount;
import io.kinhealth.referral.ledger.Transfer;
import io.kinhealth.referral.party.PartyId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The in-memory ledger store keeps its journal, holds and lines in chunked primitive storage; these cases reach what
 * the contract kit's small stores do not: many chunks, tables that rehash many times, and rollbacks that do not come
 * in reverse order of the writes (two runners sharing one store).
 */
@DisplayName("The in-memory ledger store's compact storage")
class CompactStorageTest {
  static final AccountId WECHAT = AccountId.provider("wechat");
  static final AccountId CLEARING = AccountId.clearing("orders");

  @Test
  @DisplayName("keeps every entry, balance and line across many chunks while refused entries roll back")
  void manyChunks() {
    TestClock clock = TestClock.at("2026-11-25T02:00:00Z");
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    Ledger ledger = Ledger.builder().store(store).clock(clock).build();
    ledger.open(LedgerAccount.of(WECHAT));
    ledger.open(LedgerAccount.of(CLEARING));
    AccountId[] parties = new AccountId[5];
    for (int i = 0; i < parties.length; i++) {
      parties[i] = AccountId.earnings(PartyId.of("party-" + i));
      ledger.open(LedgerAccount.of(parties[i]));
    }
    Random random = new Random(7);
    Map<AccountId, List<long[]>> expectedLines = new HashMap<>(); // debit, credit, balance after
    Map<AccountId, Long> posted = new HashMap<>();
    List<JournalEntry> entries = new ArrayList<>();
    int refused = 0;
    for (int n = 0; n < 30_000; n++) {
      clock.advance(Duration.ofNanos(1 + random.nextInt(1_000_000)));
      AccountId party = parties[random.nextInt(parties.length)];
      long fen = 1 + random.nextInt(10_000);
      EntryId id = EntryId.of("entry-" + n + "-" + "x".repeat(random.nextInt(40)));
      if (n % 7 == 3) {
        // Takes more out of the party than it holds: refused, and its writes (two balances before the bound check
        // fails on the third account in order) roll back.
        long tooMuch = posted.getOrDefault(party, 0L) + 1;
        assertThatThrownBy(() -> ledger.post(EntryRequest.builder(id)
            .add(Transfer.post(WECHAT, CLEARING, Money.ofMinor(tooMuch)))
            .add(Transfer.post(party, CLEARING, Money.ofMinor(tooMuch))).build()))
            .isInstanceOf(LimitExceededException.class);
        assertThat(ledger.entry(id)).isEmpty();
        refused++;
        continue;
      }
      JournalEntry e = ledger.post(EntryRequest.builder(id)
          .add(Transfer.post(WECHAT, CLEARING, Money.ofMinor(fen)))
          .add(Transfer.post(CLEARING, party, Money.ofMinor(fen)))
          .metadata("n", Integer.toString(n)).build());
      entries.add(e);
      long balance = posted.merge(party, fen, Long::sum);
      expectedLines.computeIfAbsent(party, k -> new ArrayList<>()).add(new long[] {0, fen, balance});
      expectedLines.computeIfAbsent(WECHAT, k -> new ArrayList<>())
          .add(new long[] {fen, 0, posted.merge(WECHAT, fen, Long::sum)});
    }
    assertThat(store.entryCount()).isEqualTo(entries.size()).isEqualTo(30_000 - refused);
    for (JournalEntry e : entries) {
      assertThat(ledger.entry(EntryId.of(e.id().value()))).contains(e);
    }
    for (AccountId account : expectedLines.keySet()) {
      List<AccountLine> lines = all(store, account);
      List<long[]> expected = expectedLines.get(account);
      assertThat(lines).hasSameSizeAs(expected);
      for (int i = 0; i < lines.size(); i++) {
        AccountLine l = lines.get(i);
        assertThat(new long[] {l.debitMinor(), l.creditMinor(), l.balanceAfterMinor()})
            .as("%s line %d", account, i).containsExactly(expected.get(i));
      }
      assertThat(ledger.balance(account).posted().minor()).isEqualTo(posted.get(account));
    }
    assertThat(expectedLines.get(WECHAT)).hasSizeGreaterThan(3 * 4_096); // several chunks of lines
    assertThat(ledger.check().isSound()).isTrue();
  }

  private static List<AccountLine> all(InMemoryLedgerStore store, AccountId account) {
    List<AccountLine> out = new ArrayList<>();
    PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
    while (true) {
      Page<AccountLine> p = store.lines(account, Instant.EPOCH, Instant.MAX, page);
      out.addAll(p.items());
      if (!p.hasNext()) {
        return out;
      }
      page = page.next(p);
    }
  }

  @Test
  @DisplayName("undoes a rolled-back transaction's writes even when a later transaction on another runner committed")
  void rollbackOutOfOrder() throws Exception {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    Instant t0 = Instant.parse("2026-11-25T02:00:00Z");
    store.createAccount(LedgerAccount.of(CLEARING));
    AccountId doctor = AccountId.earnings(PartyId.of("dr-li"));
    CountDownLatch firstWrote = new CountDownLatch(1);
    CountDownLatch secondCommitted = new CountDownLatch(1);
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
      try {
        new InMemoryTransactionRunner().execute(() -> {
          store.insertEntry(entry("first", t0));
          store.insertHold(hold("h-first", t0));
          store.insertLine(line(doctor, 1, "first", t0));
          firstWrote.countDown();
          await(secondCommitted);
          throw new IllegalStateException("boom");
        });
      } catch (IllegalStateException expected) {
        // rolled back
      }
    });
    await(firstWrote);
    new InMemoryTransactionRunner().execute(() -> {
      store.insertEntry(entry("second", t0));
      store.insertHold(hold("h-second", t0));
      store.insertLine(line(doctor, 2, "second", t0.plusSeconds(1)));
    });
    secondCommitted.countDown();
    first.get(10, TimeUnit.SECONDS);

    assertThat(store.findEntry(EntryId.of("first"))).isEmpty();
    assertThat(store.findEntry(EntryId.of("second"))).contains(entry("second", t0));
    assertThat(store.entryCount()).isEqualTo(1);
    assertThat(store.findHold(HoldId.of("h-first"))).isEmpty();
    assertThat(store.findHold(HoldId.of("h-second"))).contains(hold("h-second", t0));
    assertThat(all(store, doctor)).containsExactly(line(doctor, 2, "second", t0.plusSeconds(1)));
    // The keys rolled back are free again; later writes land after the survivors.
    store.insertEntry(entry("first", t0.plusSeconds(5)));
    store.insertEntry(entry("third", t0.plusSeconds(6)));
    assertThat(store.findEntry(EntryId.of("first"))).contains(entry("first", t0.plusSeconds(5)));
    assertThat(store.findEntry(EntryId.of("second"))).contains(entry("second", t0));
    assertThat(store.findEntry(EntryId.of("third"))).contains(entry("third", t0.plusSeconds(6)));
    assertThat(store.entryCount()).isEqualTo(3);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JournalEntry entry(String id, Instant at) {
    EntryRequest request = EntryRequest.builder(EntryId.of(id))
        .add(Transfer.post(WECHAT, CLEARING, Money.ofMinor(id.length()))).build();
    return new JournalEntry(request.id(), at, request, request.transfers());
  }

  private static Hold hold(String id, Instant at) {
    return new Hold(HoldId.of(id), EntryId.of("placed-" + id), WECHAT, CLEARING, Money.ofMinor(100), at, null,
        HoldState.PENDING, null, null, 0);
  }

  private static AccountLine line(AccountId account, long sequence, String entry, Instant at) {
    return new AccountLine(account, sequence, EntryId.of(entry), at, Money.CNY, 0, 100 * sequence, 100 * sequence);
  }
}
