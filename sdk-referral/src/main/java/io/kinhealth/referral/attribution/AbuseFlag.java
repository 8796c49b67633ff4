package io.kinhealth.referral.attribution;

/**
 * A sign that a referral may not be genuine. Flags do not block a binding: they travel with it, and the referral
 * commissions it produces wait for a review ({@code Commissions.clearReview} or {@code markFraud}) instead of
 * becoming available on their own.
 */
public enum AbuseFlag {
  SHARED_DEVICE("referral.binding.shared_device"),
  SHARED_PHONE("referral.binding.shared_phone"),
  SHARED_OPENID("referral.binding.shared_openid"),
  SHARED_PAYOUT_ACCOUNT("referral.binding.shared_payout_account"),
  /** The referrer bound more referees within the velocity window than the policy allows. */
  VELOCITY("referral.binding.velocity");

  private final String reason;

  AbuseFlag(String reason) {
    this.reason = reason;
  }

  /** The stable reason code, e.g. {@code referral.binding.shared_device}. */
  public String reason() {
    return reason;
  }

  /** The flag raised when referrer and referee share a fingerprint of this kind. */
  public static AbuseFlag sharing(FingerprintKind kind) {
    return switch (kind) {
      case DEVICE -> SHARED_DEVICE;
      case PHONE -> SHARED_PHONE;
      case OPENID -> SHARED_OPENID;
      case PAYOUT_ACCOUNT -> SHARED_PAYOUT_ACCOUNT;
    };
  }
}
