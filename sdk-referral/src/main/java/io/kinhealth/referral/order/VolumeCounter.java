package io.kinhealth.referral.order;

import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import java.time.YearMonth;

/**
 * A party's paid volume in one role in one calendar month (Asia/Shanghai), in minor units: paid lines add, refunds
 * take away. Tiered shares read it.
 *
 * @param version grows by one on every change (optimistic concurrency); 0 for a counter not yet stored
 */
public record VolumeCounter(PartyId party, PartyRole role, YearMonth month, long volume, long version) {
  public VolumeCounter {
    Check.notNull(party, "party");
    Check.notNull(role, "role");
    Check.notNull(month, "month");
    Check.notNegative(version, "version");
  }

  public static VolumeCounter zero(PartyId party, PartyRole role, YearMonth month) {
    return new VolumeCounter(party, role, month, 0, 0);
  }

  public VolumeCounter plus(long delta) {
    return new VolumeCounter(party, role, month, Math.addExact(volume, delta), version + 1);
  }
}
