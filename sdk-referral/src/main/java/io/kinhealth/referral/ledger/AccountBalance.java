package io.kinhealth.referral.ledger;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import java.util.Currency;

/**
 * An account's balance in TigerBeetle's four totals, in minor units, with a version that grows by one on every
 * change (the optimistic-concurrency version a durable store compares).
 *
 * <p>Derived figures, all on the account's normal side: {@link #posted()} what has settled, {@link #pending()} what
 * is held on its way in, {@link #available()} what may be spent now (posted, less holds on their way out).
 * {@link #net()} is credits minus debits regardless of side: summed over every account of a ledger it is zero.
 */
public record AccountBalance(
    AccountId account,
    Currency currency,
    long debitsPending,
    long debitsPosted,
    long creditsPending,
    long creditsPosted,
    long version) {

  public AccountBalance {
    Check.notNull(account, "account");
    Check.notNull(currency, "currency");
    Check.notNegative(debitsPending, "debitsPending");
    Check.notNegative(debitsPosted, "debitsPosted");
    Check.notNegative(creditsPending, "creditsPending");
    Check.notNegative(creditsPosted, "creditsPosted");
    Check.notNegative(version, "version");
  }

  /** The balance of a newly opened account. */
  public static AccountBalance empty(LedgerAccount account) {
    return new AccountBalance(account.id(), account.currency(), 0, 0, 0, 0, 0);
  }

  public NormalSide normalSide() {
    return account.type().normalSide();
  }

  /** Settled balance on the normal side, in minor units (negative only when overdrawn). */
  public long postedMinor() {
    return normalSide() == NormalSide.CREDIT ? creditsPosted - debitsPosted : debitsPosted - creditsPosted;
  }

  /** Held amounts on their way into the account, in minor units. */
  public long pendingMinor() {
    return normalSide() == NormalSide.CREDIT ? creditsPending : debitsPending;
  }

  /** Held amounts on their way out of the account, in minor units. */
  public long reservedMinor() {
    return normalSide() == NormalSide.CREDIT ? debitsPending : creditsPending;
  }

  /** What may be spent now: settled balance less what is held on its way out, in minor units. */
  public long availableMinor() {
    return postedMinor() - reservedMinor();
  }

  /** Posted credits minus posted debits, whatever the side: the figure that sums to zero over a ledger. */
  public long netMinor() {
    return creditsPosted - debitsPosted;
  }

  public Money posted() {
    return Money.ofMinor(postedMinor(), currency);
  }

  public Money pending() {
    return Money.ofMinor(pendingMinor(), currency);
  }

  public Money reserved() {
    return Money.ofMinor(reservedMinor(), currency);
  }

  public Money available() {
    return Money.ofMinor(availableMinor(), currency);
  }

  public Money net() {
    return Money.ofMinor(netMinor(), currency);
  }

  /** This balance after adding the given amounts, one version later. */
  public AccountBalance plus(long debitsPending, long debitsPosted, long creditsPending, long creditsPosted) {
    return new AccountBalance(account, currency,
        Math.addExact(this.debitsPending, debitsPending), Math.addExact(this.debitsPosted, debitsPosted),
        Math.addExact(this.creditsPending, creditsPending), Math.addExact(this.creditsPosted, creditsPosted),
        version + 1);
  }

  /**
   * Whether the balance respects {@code overdraftLimit} ({@link LedgerAccount#UNLIMITED} for none): what has gone out
   * or is held to go out may exceed what has settled in by at most the limit.
   */
  public boolean withinBound(long overdraftLimit) {
    if (overdraftLimit == LedgerAccount.UNLIMITED) {
      return true;
    }
    long out;
    long in;
    if (normalSide() == NormalSide.CREDIT) {
      out = debitsPosted + debitsPending;
      in = creditsPosted;
    } else {
      out = creditsPosted + creditsPending;
      in = debitsPosted;
    }
    return out - in <= overdraftLimit;
  }
}
