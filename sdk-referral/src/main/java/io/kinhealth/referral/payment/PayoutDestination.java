package io.kinhealth.referral.payment;

import io.kinhealth.core.validation.Check;

/**
 * Where a transfer pays a person: their wallet at the provider (WeChat 零钱, Alipay balance; the account is an
 * openid or user id) or a bank card (the account is the host's token for the card, never the card number in clear).
 * Personal data: {@link #toString()} shows the last four characters only.
 */
public record PayoutDestination(Kind kind, String account) {
  /** The kind of destination. */
  public enum Kind {
    WALLET,
    BANK_CARD
  }

  public PayoutDestination {
    Check.notNull(kind, "kind");
    account = Check.text(account, "account", 64);
  }

  public static PayoutDestination wallet(String account) {
    return new PayoutDestination(Kind.WALLET, account);
  }

  public static PayoutDestination bankCard(String token) {
    return new PayoutDestination(Kind.BANK_CARD, token);
  }

  /** A receiver's account as a wallet destination. */
  public static PayoutDestination walletOf(ReceiverAccount receiver) {
    return wallet(Check.notNull(receiver, "receiver").account());
  }

  @Override
  public String toString() {
    return "PayoutDestination[" + kind + ", " + ReceiverAccount.mask(account) + "]";
  }
}
