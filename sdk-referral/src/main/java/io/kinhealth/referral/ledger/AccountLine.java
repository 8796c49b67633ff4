package io.kinhealth.referral.ledger;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.Currency;

/**
 * One posted movement on one account, with the account's settled balance after it: a statement line. Pending holds
 * make no line until they are posted. Amounts are kept in minor units (a ledger holds many lines); {@link #debit()},
 * {@link #credit()} and {@link #balanceAfter()} give them as {@link Money}.
 *
 * @param sequence the account balance's version after this movement: increasing per account, the paging cursor
 * @param balanceAfterMinor the posted balance on the account's normal side after this line
 */
public record AccountLine(
    AccountId account, long sequence, EntryId entry, Instant postedAt, Currency currency, long debitMinor,
    long creditMinor, long balanceAfterMinor) {

  public AccountLine {
    Check.notNull(account, "account");
    Check.positive(sequence, "sequence");
    Check.notNull(entry, "entry");
    Check.notNull(postedAt, "postedAt");
    Check.notNull(currency, "currency");
    Check.notNegative(debitMinor, "debitMinor");
    Check.notNegative(creditMinor, "creditMinor");
  }

  /** What this line took from the account (posted debits). */
  public Money debit() {
    return Money.ofMinor(debitMinor, currency);
  }

  /** What this line brought to the account (posted credits). */
  public Money credit() {
    return Money.ofMinor(creditMinor, currency);
  }

  public Money balanceAfter() {
    return Money.ofMinor(balanceAfterMinor, currency);
  }
}
