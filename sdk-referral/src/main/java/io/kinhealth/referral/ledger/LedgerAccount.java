package io.kinhealth.referral.ledger;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import java.util.Currency;

/**
 * An account's fixed terms: its id, currency and how far its balance may go against its normal side.
 *
 * <p>{@code overdraftLimit} is in minor units: {@code 0} (the default) means the balance may never go below zero
 * (TigerBeetle's {@code debits_must_not_exceed_credits} for a credit account), a positive value allows a bounded
 * overdraft, and {@link #UNLIMITED} removes the bound. Pending holds count against the bound, so money that is held
 * cannot be spent twice.
 */
public record LedgerAccount(AccountId id, Currency currency, long overdraftLimit) {
  /** No bound at all. */
  public static final long UNLIMITED = Long.MAX_VALUE;

  public LedgerAccount {
    Check.notNull(id, "id");
    Check.notNull(currency, "currency");
    Check.notNegative(overdraftLimit, "overdraftLimit");
  }

  /** A CNY account that may not go below zero. */
  public static LedgerAccount of(AccountId id) {
    return new LedgerAccount(id, Money.CNY, 0);
  }

  public LedgerAccount withCurrency(Currency currency) {
    return new LedgerAccount(id, currency, overdraftLimit);
  }

  /** The same account allowed to go {@code limit} against its normal side. */
  public LedgerAccount withOverdraft(Money limit) {
    Check.notNull(limit, "limit");
    Check.that(limit.currency().equals(currency), "limit", "money.currency_mismatch", "limit is in another currency");
    return new LedgerAccount(id, currency, Check.notNegative(limit.minor(), "limit"));
  }

  /** The same account without a bound. */
  public LedgerAccount unbounded() {
    return new LedgerAccount(id, currency, UNLIMITED);
  }

  public NormalSide normalSide() {
    return id.type().normalSide();
  }

  public boolean isBounded() {
    return overdraftLimit != UNLIMITED;
  }
}
