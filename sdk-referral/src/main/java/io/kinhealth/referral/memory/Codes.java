package io.kinhealth.referral.memory;

import io.kinhealth.referral.ledger.AccountBalance;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.LedgerAccount;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * The in-memory ledger's dictionaries: ids, accounts and currencies as dense {@code int} codes, so that the journal,
 * holds and statement lines can be kept in primitive arrays. Not thread-safe: used under the store's monitor.
 */
final class Codes {
  /** One account id the store has seen: its code, and once the account is opened, its terms, balance and lines. */
  static final class AccountSlot {
    final AccountId id;
    final int code;
    LedgerAccount account; // null until opened (the journal may name accounts a store never opened)
    AccountBalance balance;
    LineLog lines;

    AccountSlot(AccountId id, int code) {
      this.id = id;
      this.code = code;
    }
  }

  final IdTable ids = new IdTable();
  private final Map<AccountId, AccountSlot> accounts = new HashMap<>();
  private AccountSlot[] byCode = new AccountSlot[64];
  private int accountCount;
  private Currency[] currencies = new Currency[4];
  private int currencyCount;

  /** The slot of an account id seen before, or null. */
  AccountSlot find(AccountId id) {
    return accounts.get(id);
  }

  /** The slot of an account id, made on first sight. */
  AccountSlot slot(AccountId id) {
    AccountSlot s = accounts.get(id);
    if (s == null) {
      if (accountCount == byCode.length) {
        byCode = Arrays.copyOf(byCode, accountCount * 2);
      }
      s = new AccountSlot(id, accountCount);
      byCode[accountCount++] = s;
      accounts.put(id, s);
    }
    return s;
  }

  AccountId account(int code) {
    return byCode[code].id;
  }

  int currency(Currency currency) {
    for (int i = 0; i < currencyCount; i++) {
      if (currencies[i] == currency || currencies[i].equals(currency)) {
        return i;
      }
    }
    if (currencyCount == currencies.length) {
      currencies = Arrays.copyOf(currencies, currencyCount * 2);
    }
    currencies[currencyCount] = currency;
    return currencyCount++;
  }

  Currency currency(int code) {
    return currencies[code];
  }
}
