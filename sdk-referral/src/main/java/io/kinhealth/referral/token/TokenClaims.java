package io.kinhealth.referral.token;

import io.kinhealth.core.validation.Check;
import java.time.Instant;

/**
 * What a verified referral token says: the referrer's code, the campaign, when it expires and which key signed it.
 *
 * @param referrerCode the opaque number the referral store gave the referrer (1 to 2^40 - 1)
 * @param campaign a host-chosen campaign number (0 to 65,535)
 */
public record TokenClaims(long referrerCode, int campaign, Instant expiresAt, String keyId) {
  public TokenClaims {
    Check.inRange(referrerCode, 1, ReferralTokenCodec.MAX_REFERRER_CODE, "referrerCode");
    Check.inRange(campaign, 0, ReferralTokenCodec.MAX_CAMPAIGN, "campaign");
    Check.notNull(expiresAt, "expiresAt");
    Check.notBlank(keyId, "keyId");
  }
}
