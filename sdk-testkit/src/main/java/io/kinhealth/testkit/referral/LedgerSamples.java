package io.kinhealth.testkit.referral;

import io.kinhealth.core.money.Money;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.AccountType;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.EntryRequest;
import io.kinhealth.referral.ledger.Hold;
import io.kinhealth.referral.ledger.HoldId;
import io.kinhealth.referral.ledger.HoldState;
import io.kinhealth.referral.ledger.JournalEntry;
import io.kinhealth.referral.ledger.Transfer;
import io.kinhealth.referral.ledger.TransferKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random ledger records of every shape a {@code LedgerStore} must keep faithfully: ids up to the 64-character
 * limit, instants before 1970 and with nanoseconds, amounts up to {@code Long.MAX_VALUE} in currencies with 0 and 2
 * decimals, metadata in any script, every transfer kind (including the legal but unusual shapes), and recorded
 * transfers that differ from the requested ones as the ledger resolves holds.
 */
final class LedgerSamples {
  private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-";
  private static final Currency[] CURRENCIES = {
      Money.CNY, Currency.getInstance("USD"), Currency.getInstance("JPY"), Currency.getInstance("HKD")};
  private static final String[] TEXT = {"order", "退款", "微信支付", "ref-17", "émoji 😀", "a", " spaced value "};

  private final Random random;
  private final String prefix;
  private int sequence;

  /** Ids made by this instance start with {@code prefix}, so several instances can share one store. */
  LedgerSamples(long seed, String prefix) {
    this.random = new Random(seed);
    this.prefix = prefix;
  }

  String id() {
    String head = prefix + (sequence++) + "-";
    int tail = random.nextInt(5) == 0 ? 64 - head.length() : random.nextInt(12);
    StringBuilder b = new StringBuilder(head);
    for (int i = 0; i < tail; i++) {
      b.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
    }
    return b.toString();
  }

  Instant instant() {
    return switch (random.nextInt(4)) {
      case 0 -> LedgerStoreContractKit.T0;
      case 1 -> Instant.ofEpochSecond(-random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
      case 2 -> Instant.ofEpochSecond(random.nextLong() % 100_000_000_000L, random.nextInt(1_000_000_000));
      default -> LedgerStoreContractKit.T0.plusNanos(random.nextLong() & 0xffff_ffff_ffffL);
    };
  }

  Money amount() {
    Currency c = CURRENCIES[random.nextInt(CURRENCIES.length)];
    long minor = switch (random.nextInt(4)) {
      case 0 -> 1;
      case 1 -> Long.MAX_VALUE;
      case 2 -> 1 + random.nextInt(100_000);
      default -> 1 + (random.nextLong() & (Long.MAX_VALUE >>> 1));
    };
    return Money.ofMinor(minor, c);
  }

  AccountId account() {
    AccountType[] types = AccountType.values();
    AccountType type = types[random.nextInt(types.length)];
    return random.nextInt(8) == 0 ? AccountId.of(type, "o".repeat(64)) : AccountId.of(type, "owner-" + random.nextInt(6));
  }

  private AccountId[] twoAccounts() {
    AccountId a = account();
    AccountId b = account();
    while (b.equals(a)) {
      b = account();
    }
    return new AccountId[] {a, b};
  }

  /** A requested transfer; holds it names are distinct within one call's results. */
  Transfer requested() {
    AccountId[] ab = twoAccounts();
    HoldId hold = HoldId.of(id());
    return switch (random.nextInt(7)) {
      case 0, 1 -> Transfer.post(ab[0], ab[1], amount());
      case 2 -> Transfer.hold(hold, ab[0], ab[1], amount());
      case 3 -> Transfer.hold(hold, ab[0], ab[1], amount(), instant());
      case 4 -> random.nextBoolean() ? Transfer.postHold(hold) : Transfer.postHold(hold, amount());
      case 5 -> Transfer.voidHold(hold);
      // Legal for the record, though the ledger ignores the accounts of a request to post a hold.
      default -> new Transfer(TransferKind.POST_HOLD, ab[0], ab[1], amount(), hold, null);
    };
  }

  /** How the ledger would record {@code t}: holds resolved to their accounts and amounts. */
  Transfer resolved(Transfer t) {
    if (t.kind() != TransferKind.POST_HOLD && t.kind() != TransferKind.VOID_HOLD) {
      return t;
    }
    AccountId[] ab = twoAccounts();
    Money amount = t.amount() != null ? t.amount() : amount();
    TransferKind kind = t.kind() == TransferKind.VOID_HOLD && random.nextBoolean() ? TransferKind.EXPIRE_HOLD : t.kind();
    return new Transfer(kind, ab[0], ab[1], amount, t.hold(), null);
  }

  Map<String, String> metadata() {
    Map<String, String> m = new LinkedHashMap<>();
    int n = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : 0;
    for (int i = 0; i < n; i++) {
      String key = "k" + i + TEXT[random.nextInt(TEXT.length)].strip();
      String value = random.nextInt(6) == 0 ? "长".repeat(200) : TEXT[random.nextInt(TEXT.length)];
      m.put(key, value);
    }
    return m;
  }

  JournalEntry entry() {
    EntryRequest.Builder b = EntryRequest.builder(EntryId.of(id()));
    int n = 1 + (random.nextInt(10) == 0 ? random.nextInt(40) : random.nextInt(4));
    List<Transfer> requested = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Transfer t = requested();
      requested.add(t);
      b.add(t);
    }
    metadata().forEach(b::metadata);
    EntryRequest request = b.build();
    List<Transfer> recorded = request.transfers();
    if (random.nextBoolean()) {
      recorded = requested.stream().map(this::resolved).toList();
    }
    return new JournalEntry(request.id(), instant(), request, recorded);
  }

  /** The same entry id and time with one more transfer in its request: another payload under the same key. */
  JournalEntry another(JournalEntry e) {
    List<Transfer> transfers = new ArrayList<>(e.request().transfers());
    transfers.add(Transfer.post(AccountId.provider("wechat"), AccountId.clearing("other"), Money.ofMinor(1)));
    EntryRequest request = new EntryRequest(e.id(), transfers, e.request().metadata());
    return new JournalEntry(e.id(), e.postedAt(), request, request.transfers());
  }

  Hold hold() {
    AccountId[] ab = twoAccounts();
    return new Hold(HoldId.of(id()), EntryId.of(id()), ab[0], ab[1], amount(), instant(),
        random.nextBoolean() ? instant() : null, HoldState.PENDING, null, null, 0);
  }

  /** {@code h} resolved one version later to a random final state. */
  Hold resolve(Hold h) {
    HoldState[] finals = {HoldState.POSTED, HoldState.VOIDED, HoldState.EXPIRED};
    HoldState state = finals[random.nextInt(finals.length)];
    return h.resolve(state, state == HoldState.POSTED ? amount() : null, EntryId.of(id()));
  }
}
