package io.kinhealth.referral.ledger;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import java.time.Instant;

/**
 * One posted movement on one account, with the account's settled balance after it: a statement line. Pending holds
 * make no line until they are posted.
 *
 * @param sequence the account balance's version after this movement: increasing per account, the paging cursor
 * @param balanceAfter the posted balance on the account's normal side after this line
 */
public record AccountLine(
    AccountId account, long sequence, EntryId entry, Instant postedAt, Money debit, Money credit,
    Money balanceAfter) {

  public AccountLine {
    Check.notNull(account, "account");
    Check.positive(sequence, "sequence");
    Check.notNull(entry, "entry");
    Check.notNull(postedAt, "postedAt");
    Check.notNull(debit, "debit");
    Check.notNull(credit, "credit");
    Check.notNull(balanceAfter, "balanceAfter");
  }
}
