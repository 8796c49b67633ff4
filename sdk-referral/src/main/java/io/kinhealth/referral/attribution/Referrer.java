package io.kinhealth.referral.attribution;

import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.token.ReferralTokenCodec;

/**
 * A party that may refer others, with the short numeric code its tokens carry (assigned by the referral store, never
 * reused) and its kind.
 *
 * @param version grows by one on every change (optimistic concurrency)
 */
public record Referrer(PartyId party, long code, ReferrerKind kind, long version) {
  public Referrer {
    Check.notNull(party, "party");
    Check.inRange(code, 1, ReferralTokenCodec.MAX_REFERRER_CODE, "code");
    Check.notNull(kind, "kind");
    Check.notNegative(version, "version");
  }

  public Referrer withKind(ReferrerKind kind) {
    return new Referrer(party, code, kind, version + 1);
  }
}
