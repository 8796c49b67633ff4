package io.kinhealth.referral.attribution;

import io.kinhealth.core.validation.Check;

/** One step up a customer's referral chain at some instant: level 1 is who brought the customer. */
public record ChainLink(int level, Referrer referrer, ReferralBinding binding) {
  public ChainLink {
    Check.positive(level, "level");
    Check.notNull(referrer, "referrer");
    Check.notNull(binding, "binding");
  }
}
