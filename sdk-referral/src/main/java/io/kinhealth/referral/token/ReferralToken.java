package io.kinhealth.referral.token;

import io.kinhealth.core.crypto.Base62;
import io.kinhealth.core.validation.Check;

/**
 * A signed referral token: at most {@value #MAX_LENGTH} base62 characters, so it fits a WeChat mini-program QR code's
 * {@code scene} parameter, a URL or a share card without escaping. It carries an opaque referrer code, a campaign
 * number and an expiry, never personal data. Made and checked by {@link ReferralTokenCodec}.
 */
public record ReferralToken(String value) {
  /** The most characters a token has: a WeChat QR {@code scene} holds 32. */
  public static final int MAX_LENGTH = 32;

  public ReferralToken {
    Check.notBlank(value, "token");
    Check.that(value.length() <= MAX_LENGTH && Base62.isBase62(value), "token", "referral.token.malformed",
        "a referral token is at most 32 base62 characters");
  }

  @Override
  public String toString() {
    return value;
  }
}
