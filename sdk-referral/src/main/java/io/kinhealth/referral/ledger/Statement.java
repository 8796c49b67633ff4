package io.kinhealth.referral.ledger;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.validation.Check;
import java.time.Instant;

/**
 * An account's statement for the period {@code [from, to)}: the settled balance at {@code from}, one page of lines,
 * and the settled balance at {@code to}. {@code opening} plus every line's credit minus debit (on the normal side)
 * equals {@code closing} once all pages are read.
 */
public record Statement(AccountId account, Instant from, Instant to, Money opening, Money closing,
    Page<AccountLine> lines) {
  public Statement {
    Check.notNull(account, "account");
    Check.notNull(from, "from");
    Check.notNull(to, "to");
    Check.notNull(opening, "opening");
    Check.notNull(closing, "closing");
    Check.notNull(lines, "lines");
  }
}
