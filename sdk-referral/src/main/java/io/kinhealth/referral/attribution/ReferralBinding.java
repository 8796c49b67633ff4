package io.kinhealth.referral.attribution;

import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * That {@code referee} was brought by {@code referrer}, from {@code boundAt}. Each change is a new version; the old
 * ones stay, so an order is attributed to the binding in force when it was paid.
 *
 * @param lockedUntil until when a {@link BindingMode#LOCKED} binding may not be replaced; null in other modes
 * @param flags abuse signals raised when it was made
 * @param version 1 for the first binding of a referee, then one more per change
 */
public record ReferralBinding(
    PartyId referee,
    PartyId referrer,
    int campaign,
    Instant boundAt,
    Instant lockedUntil,
    BindingMode mode,
    Set<AbuseFlag> flags,
    long version) {
  public ReferralBinding {
    Check.notNull(referee, "referee");
    Check.notNull(referrer, "referrer");
    Check.notNull(boundAt, "boundAt");
    Check.notNull(mode, "mode");
    flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    Check.positive(version, "version");
  }

  public boolean isFlagged() {
    return !flags.isEmpty();
  }
}
