package io.kinhealth.referral.payment;

/**
 * What kind of account receives a split. Providers treat them differently: WeChat Pay returns (回退) a split only
 * from a {@link #MERCHANT}; what went to a {@link #PERSONAL} receiver can only be recovered on the ledger.
 */
public enum ReceiverType {
  /** A merchant account at the provider (WeChat {@code MERCHANT_ID}, an Alipay merchant). */
  MERCHANT,
  /** A person's account (WeChat {@code PERSONAL_OPENID} / {@code PERSONAL_SUB_OPENID}, an Alipay user). */
  PERSONAL
}
