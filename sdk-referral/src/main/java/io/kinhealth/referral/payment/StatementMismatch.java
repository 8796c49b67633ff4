package io.kinhealth.referral.payment;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;

/**
 * One disagreement between a provider's settlement statement and the SDK's records.
 *
 * @param line the statement line (1-based), or 0 for a request missing from the statement
 * @param key the request key, or null for a line whose key could not be read
 */
public record StatementMismatch(Kind kind, int line, RequestKey key, Money recordedAmount, Money statementAmount,
    PaymentStatus recordedStatus, PaymentStatus statementStatus, String detail) {
  /** What disagrees. */
  public enum Kind {
    /** The statement has a request the SDK never made. */
    MISSING_IN_LEDGER,
    /** The SDK made a request in the period that the statement does not list. */
    MISSING_IN_STATEMENT,
    /** Both have it, with the same status, for different amounts. */
    AMOUNT_DIFFERS,
    /** Both have it with different statuses (e.g. the statement's SUCCEEDED for a request still UNKNOWN here). */
    STATUS_DIFFERS,
    /** The statement lists the key more than once. */
    DUPLICATE_LINE,
    /** A line that is not {@code key,amount,status,time}. */
    MALFORMED_LINE
  }

  public StatementMismatch {
    Check.notNull(kind, "kind");
    Check.notNegative(line, "line");
  }
}
