package io.kinhealth.referral.qa;

import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;

/**
 * An expert who takes paid questions: the department and the price the expert set. A question to the expert is
 * charged this price as it stands when asked.
 *
 * @param accepting whether the expert takes new questions
 * @param version grows by one on every change (optimistic concurrency); 0 for a listing not yet stored
 */
public record ExpertListing(PartyId expert, String department, Money price, boolean accepting, long version) {
  public ExpertListing {
    Check.notNull(expert, "expert");
    department = Check.text(department, "department", 64);
    Check.notNull(price, "price");
    Check.positive(price.minor(), "price");
    Check.notNegative(version, "version");
  }

  public static ExpertListing of(PartyId expert, String department, Money price) {
    return new ExpertListing(expert, department, price, true, 0);
  }
}
