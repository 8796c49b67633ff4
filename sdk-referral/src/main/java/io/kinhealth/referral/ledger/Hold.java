package io.kinhealth.referral.ledger;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import java.time.Instant;

/**
 * A reservation of money from {@code debit} for {@code credit}: pending on both accounts until a later entry posts
 * it (wholly or in part), voids it, or it expires at {@code expiresAt} (null: never).
 *
 * @param postedAmount what was posted, once {@link HoldState#POSTED}; otherwise null
 * @param resolvedBy the entry that ended the hold, once final; otherwise null
 * @param version grows by one on every change (optimistic concurrency)
 */
public record Hold(
    HoldId id,
    EntryId placedBy,
    AccountId debit,
    AccountId credit,
    Money amount,
    Instant placedAt,
    Instant expiresAt,
    HoldState state,
    Money postedAmount,
    EntryId resolvedBy,
    long version) {

  public Hold {
    Check.notNull(id, "id");
    Check.notNull(placedBy, "placedBy");
    Check.notNull(debit, "debit");
    Check.notNull(credit, "credit");
    Check.notNull(amount, "amount");
    Check.notNull(placedAt, "placedAt");
    Check.notNull(state, "state");
    Check.notNegative(version, "version");
  }

  /** Whether the hold's time has run out at {@code now} (it may still await the expiry sweep). */
  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** This hold ended in {@code state} by {@code entry}, one version later. */
  public Hold resolve(HoldState state, Money postedAmount, EntryId entry) {
    Check.that(state.isFinal(), "state", "ledger.hold.state", "a hold resolves to a final state");
    return new Hold(id, placedBy, debit, credit, amount, placedAt, expiresAt, state, postedAmount, entry, version + 1);
  }
}
