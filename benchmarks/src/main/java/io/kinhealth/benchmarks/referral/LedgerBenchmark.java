package io.kinhealth.benchmarks.referral;

import io.kinhealth.core.money.Money;
import io.kinhealth.referral.Ledger;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.EntryRequest;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.ledger.JournalEntry;
import io.kinhealth.referral.ledger.LedgerAccount;
import io.kinhealth.referral.ledger.Transfer;
import io.kinhealth.referral.party.PartyId;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory ledger ({@link Ledger} over the in-memory store and transaction runner) on one thread: posting a
 * balanced two-transfer entry (money in from a provider and out to one of 1,000 parties) under a fresh entry id,
 * replaying an id already posted, and placing then posting a hold. Each iteration starts from a fresh ledger so the
 * journal does not grow without bound. The heap is fixed and pre-touched (the usual JMH hygiene): the in-memory ledger
 * keeps every entry, so the cost of first touching fresh heap pages would otherwise be measured with it. Target:
 * 500,000 balanced entries per second or more.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Threads(1)
@State(Scope.Thread)
public class LedgerBenchmark {
  private static final int PARTIES = 1_000;
  private static final AccountId PROVIDER = AccountId.provider("wechat");
  private static final AccountId CLEARING = AccountId.clearing("orders");

  private Ledger ledger;
  private AccountId[] parties;
  private Money[] amounts;
  private EntryRequest replayed;
  private long sequence;

  @Setup(Level.Iteration)
  public void setUp() {
    ledger = Ledger.builder().build();
    ledger.open(LedgerAccount.of(PROVIDER));
    ledger.open(LedgerAccount.of(CLEARING));
    parties = new AccountId[PARTIES];
    for (int i = 0; i < PARTIES; i++) {
      parties[i] = AccountId.earnings(PartyId.of("party-" + i));
      ledger.open(LedgerAccount.of(parties[i]));
    }
    amounts = new Money[256];
    for (int i = 0; i < amounts.length; i++) {
      amounts[i] = Money.ofMinor(1 + i * 37L);
    }
    replayed = request(EntryId.of("replayed"), 0);
    ledger.post(replayed);
    sequence = 0;
  }

  private EntryRequest request(EntryId id, long n) {
    Money amount = amounts[(int) (n & 255)];
    return EntryRequest.builder(id)
        .add(Transfer.post(PROVIDER, CLEARING, amount))
        .add(Transfer.post(CLEARING, parties[(int) (n % PARTIES)], amount))
        .build();
  }

  @Benchmark
  public JournalEntry postBalancedEntry() {
    long n = sequence++;
    return ledger.post(request(EntryId.of("e" + n), n));
  }

  @Benchmark
  public JournalEntry replayPostedEntry() {
    return ledger.post(replayed);
  }

  @Benchmark
  public JournalEntry holdThenPost() {
    long n = sequence++;
    Money amount = amounts[(int) (n & 255)];
    HoldId hold = HoldId.of("h" + n);
    ledger.post(EntryRequest.builder(EntryId.of("h" + n))
        .add(Transfer.post(PROVIDER, CLEARING, amount))
        .add(Transfer.hold(hold, CLEARING, parties[(int) (n % PARTIES)], amount)).build());
    return ledger.post(EntryRequest.builder(EntryId.of("p" + n)).add(Transfer.postHold(hold)).build());
  }
}
