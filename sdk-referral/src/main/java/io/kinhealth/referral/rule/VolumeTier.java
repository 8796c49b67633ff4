package io.kinhealth.referral.rule;

import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;

/**
 * A share that applies once the party's paid volume in that role in the calendar month (Asia/Shanghai), before the
 * order being split, reaches {@code fromVolume}.
 */
public record VolumeTier(Money fromVolume, BasisPoints share) {
  public VolumeTier {
    Check.notNull(fromVolume, "fromVolume");
    Check.that(fromVolume.isPositive(), "fromVolume", "referral.rule.tier_volume", "a tier starts above zero");
    Check.notNull(share, "share");
  }

  public static VolumeTier from(Money fromVolume, BasisPoints share) {
    return new VolumeTier(fromVolume, share);
  }
}
