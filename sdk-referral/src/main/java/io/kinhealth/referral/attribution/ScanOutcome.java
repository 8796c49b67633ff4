package io.kinhealth.referral.attribution;

import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import java.util.Set;

/**
 * What a scan did: its {@link ScanResult}, the referrer the token named, the referee's binding afterwards (null if
 * there is none), and the abuse flags the scan raised.
 */
public record ScanOutcome(ScanResult result, PartyId referrer, ReferralBinding binding, Set<AbuseFlag> flags) {
  public ScanOutcome {
    Check.notNull(result, "result");
    Check.notNull(referrer, "referrer");
    flags = Set.copyOf(Check.noNulls(flags, "flags"));
  }
}
