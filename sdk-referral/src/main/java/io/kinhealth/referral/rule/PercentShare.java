package io.kinhealth.referral.rule;

import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyRole;
import java.util.List;

/**
 * A share in basis points of what is left of a line after its fixed shares, optionally capped, floored (both per
 * line) and tiered by the party's monthly volume. What a cap cuts off, and what a floor tops up, comes from and goes
 * to the rule's residual role.
 *
 * @param cap the most this share pays on one line, or null
 * @param floor the least this share pays on one line (as far as the residual can cover it), or null
 * @param tiers higher shares by volume, ascending; empty for a flat share
 */
public record PercentShare(
    PartyRole role, BasisPoints share, ShareKind kind, Money cap, Money floor, List<VolumeTier> tiers) {
  public PercentShare {
    Check.notNull(role, "role");
    Check.notNull(share, "share");
    kind = role.isReferrer() ? ShareKind.REFERRAL_FEE : Check.notNull(kind, "kind");
    tiers = List.copyOf(Check.noNulls(tiers == null ? List.of() : tiers, "tiers"));
  }

  /** A flat revenue share. */
  public static PercentShare of(PartyRole role, BasisPoints share) {
    return new PercentShare(role, share, ShareKind.REVENUE_SHARE, null, null, List.of());
  }

  public PercentShare as(ShareKind kind) {
    return new PercentShare(role, share, kind, cap, floor, tiers);
  }

  public PercentShare withCap(Money cap) {
    return new PercentShare(role, share, kind, Check.notNull(cap, "cap"), floor, tiers);
  }

  public PercentShare withFloor(Money floor) {
    return new PercentShare(role, share, kind, cap, Check.notNull(floor, "floor"), tiers);
  }

  public PercentShare withTiers(VolumeTier... tiers) {
    return new PercentShare(role, share, kind, cap, floor, List.of(Check.notNull(tiers, "tiers")));
  }

  /** The highest share this can pay (its top tier). */
  public BasisPoints maxShare() {
    BasisPoints max = share;
    for (VolumeTier t : tiers) {
      max = t.share().compareTo(max) > 0 ? t.share() : max;
    }
    return max;
  }

  /** The share at a monthly volume of {@code volumeMinor}. */
  public int shareAt(long volumeMinor) {
    int bp = share.value();
    for (VolumeTier t : tiers) {
      if (volumeMinor >= t.fromVolume().minor()) {
        bp = t.share().value();
      }
    }
    return bp;
  }
}
