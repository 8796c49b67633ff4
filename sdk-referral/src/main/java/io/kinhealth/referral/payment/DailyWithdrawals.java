package io.kinhealth.referral.payment;

import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import java.time.LocalDate;

/**
 * What one party has withdrawn (requested and not rejected or failed) on one calendar day, in minor units: what the
 * daily cap is checked against. One row per party and day.
 *
 * @param version grows by one on every change (optimistic concurrency); 0 for a total not yet stored
 */
public record DailyWithdrawals(PartyId party, LocalDate day, long totalMinor, long version) {
  public DailyWithdrawals {
    Check.notNull(party, "party");
    Check.notNull(day, "day");
    Check.notNegative(totalMinor, "totalMinor");
    Check.notNegative(version, "version");
  }

  public static DailyWithdrawals zero(PartyId party, LocalDate day) {
    return new DailyWithdrawals(party, day, 0, 0);
  }

  public DailyWithdrawals plus(long delta) {
    return new DailyWithdrawals(party, day, Math.addExact(totalMinor, delta), version + 1);
  }
}
