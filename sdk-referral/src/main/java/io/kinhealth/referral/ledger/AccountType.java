package io.kinhealth.referral.ledger;

/**
 * The chart of accounts: what an account is for, which fixes its {@link NormalSide}.
 *
 * <p>An order's money flows {@code PROVIDER -> CLEARING -> EARNINGS / PLATFORM}; a refund flows back the same way;
 * a payout flows {@code EARNINGS -> PROVIDER}; money clawed back from a party that was already paid is booked as
 * {@code DEBT} and netted against that party's later earnings. Values may be added in later versions.
 */
public enum AccountType {
  /** Money held at a payment provider (WeChat Pay, Alipay) for the platform: an asset. */
  PROVIDER(NormalSide.DEBIT),
  /** Money received and not yet released to the parties it was split to: a liability in transit. */
  CLEARING(NormalSide.CREDIT),
  /** The platform's own revenue: its shares of orders and the fees it charges. */
  PLATFORM(NormalSide.CREDIT),
  /** What the platform owes one party: held (pending) and available earnings. */
  EARNINGS(NormalSide.CREDIT),
  /** What one party owes the platform: refunds clawed back after payout, netted against later earnings. */
  DEBT(NormalSide.DEBIT);

  private final NormalSide normalSide;

  AccountType(NormalSide normalSide) {
    this.normalSide = normalSide;
  }

  public NormalSide normalSide() {
    return normalSide;
  }
}
