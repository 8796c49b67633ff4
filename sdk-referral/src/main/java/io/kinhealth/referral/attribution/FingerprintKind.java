package io.kinhealth.referral.attribution;

/** What a {@link Fingerprint} is a digest of. */
public enum FingerprintKind {
  DEVICE,
  PHONE,
  /** A WeChat openid (or another app-scoped user id). */
  OPENID,
  /** A payout account: a bank card, an Alipay account, a WeChat wallet. */
  PAYOUT_ACCOUNT
}
