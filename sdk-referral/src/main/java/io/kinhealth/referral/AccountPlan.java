package io.kinhealth.referral;

import io.kinhealth.referral.ledger.AccountBalance;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.AccountType;
import io.kinhealth.referral.ledger.LedgerAccount;
import io.kinhealth.referral.party.PartyId;
import java.util.Currency;

/**
 * The engine's chart of accounts: which ledger account each kind of money lives in, with what bound, opened on first
 * use. Parties' earnings, debts, clearing and providers may never go negative; the platform's revenue account has no
 * bound, because the platform absorbs what nobody else can (fraud forfeits, refunds of its own share).
 */
final class AccountPlan {
  private final Ledger ledger;
  private final Currency currency;
  private final PartyId platformParty;
  private final AccountId clearing;
  private final AccountId platform;

  AccountPlan(Ledger ledger, Currency currency, PartyId platformParty, String clearingName) {
    this.ledger = ledger;
    this.currency = currency;
    this.platformParty = platformParty;
    this.clearing = AccountId.clearing(clearingName);
    this.platform = AccountId.platform(platformParty.value());
  }

  Ledger ledger() {
    return ledger;
  }

  Currency currency() {
    return currency;
  }

  PartyId platformParty() {
    return platformParty;
  }

  AccountId clearing() {
    return clearing;
  }

  AccountId platform() {
    return platform;
  }

  /** Opens the account if it is not open yet (inside the caller's transaction). */
  AccountId ensure(AccountId id) {
    if (ledger.account(id).isEmpty()) {
      LedgerAccount spec = new LedgerAccount(id, currency, 0);
      ledger.open(id.type() == AccountType.PLATFORM ? spec.unbounded() : spec);
    }
    return id;
  }

  AccountId earnings(PartyId party) {
    return ensure(AccountId.earnings(party));
  }

  AccountId debt(PartyId party) {
    return ensure(AccountId.debt(party));
  }

  AccountId provider(String name) {
    return ensure(AccountId.provider(name));
  }

  void ensureCore() {
    ensure(clearing);
    ensure(platform);
  }

  /** The account's balance, or an empty one if it was never opened. */
  AccountBalance balanceOf(AccountId id) {
    return ledger.account(id).map(a -> ledger.balance(id))
        .orElseGet(() -> AccountBalance.empty(new LedgerAccount(id, currency, 0)));
  }
}
