package io.kinhealth.referral.ledger;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import java.time.Instant;

/**
 * One movement inside a journal entry. Every transfer debits one account and credits another by the same amount,
 * so an entry balances by construction.
 *
 * <p>Requested with the factories: {@link #post}, {@link #hold}, {@link #postHold}, {@link #voidHold}. For
 * {@code POST_HOLD} and {@code VOID_HOLD} the request names only the hold (and, for a partial post, the amount); the
 * recorded entry carries the resolved accounts and amounts. {@code amount} is null only in a request to post a whole
 * hold or to void one.
 */
public record Transfer(
    TransferKind kind, AccountId debit, AccountId credit, Money amount, HoldId hold, Instant expiresAt) {

  public Transfer {
    Check.notNull(kind, "kind");
    if (amount != null && !amount.isPositive()) {
      throw new ValidationException("amount", "ledger.amount.not_positive", "a transfer amount must be positive");
    }
    switch (kind) {
      case POST -> {
        requireAccounts(debit, credit);
        Check.notNull(amount, "amount");
        Check.that(hold == null && expiresAt == null, "hold", "ledger.transfer.shape",
            "a POST names no hold");
      }
      case HOLD -> {
        requireAccounts(debit, credit);
        Check.notNull(amount, "amount");
        Check.notNull(hold, "hold");
      }
      case POST_HOLD, VOID_HOLD, EXPIRE_HOLD -> {
        Check.notNull(hold, "hold");
        Check.that(expiresAt == null, "expiresAt", "ledger.transfer.shape", "only a HOLD has an expiry");
      }
      default -> throw new IllegalStateException("unknown kind " + kind);
    }
  }

  private static void requireAccounts(AccountId debit, AccountId credit) {
    Check.notNull(debit, "debit");
    Check.notNull(credit, "credit");
    Check.that(!debit.equals(credit), "credit", "ledger.transfer.same_account",
        "a transfer must move money between two different accounts");
  }

  /** Moves {@code amount} from {@code debit} to {@code credit} at once. */
  public static Transfer post(AccountId debit, AccountId credit, Money amount) {
    return new Transfer(TransferKind.POST, debit, credit, amount, null, null);
  }

  /** Holds {@code amount} from {@code debit} for {@code credit} until posted or voided; never expires. */
  public static Transfer hold(HoldId hold, AccountId debit, AccountId credit, Money amount) {
    return new Transfer(TransferKind.HOLD, debit, credit, amount, hold, null);
  }

  /** Holds {@code amount} until posted, voided, or {@code expiresAt}, whichever comes first. */
  public static Transfer hold(HoldId hold, AccountId debit, AccountId credit, Money amount, Instant expiresAt) {
    return new Transfer(TransferKind.HOLD, debit, credit, amount, hold, Check.notNull(expiresAt, "expiresAt"));
  }

  /** Posts all of a pending hold. */
  public static Transfer postHold(HoldId hold) {
    return new Transfer(TransferKind.POST_HOLD, null, null, null, hold, null);
  }

  /** Posts {@code amount} of a pending hold and releases the rest. */
  public static Transfer postHold(HoldId hold, Money amount) {
    return new Transfer(TransferKind.POST_HOLD, null, null, Check.notNull(amount, "amount"), hold, null);
  }

  /** Releases a pending hold. */
  public static Transfer voidHold(HoldId hold) {
    return new Transfer(TransferKind.VOID_HOLD, null, null, null, hold, null);
  }
}
