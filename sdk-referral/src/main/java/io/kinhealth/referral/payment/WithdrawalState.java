package io.kinhealth.referral.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a withdrawal stands in its audit: {@code REQUESTED} (money held on the ledger), then {@code APPROVED} (sent to
 * the provider) and {@code PAID} or {@code FAILED}, or {@code REJECTED} by a reviewer. Rejected and failed
 * withdrawals release their money back to the party's wallet.
 */
public enum WithdrawalState {
  REQUESTED,
  APPROVED,
  REJECTED,
  PAID,
  FAILED;

  public boolean isFinal() {
    return this == REJECTED || this == PAID || this == FAILED;
  }

  public Set<WithdrawalState> next() {
    return switch (this) {
      case REQUESTED -> EnumSet.of(APPROVED, REJECTED);
      case APPROVED -> EnumSet.of(PAID, FAILED);
      case REJECTED, PAID, FAILED -> EnumSet.noneOf(WithdrawalState.class);
    };
  }
}
