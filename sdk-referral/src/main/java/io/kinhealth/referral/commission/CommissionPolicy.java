package io.kinhealth.referral.commission;

import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * How commissions mature and pay out: how long they are held (the refund window), the smallest payout, and the
 * withdrawal fee ({@code feeRate} of the payout rounded half-up to the fen, at least {@code minimumFee}, never more
 * than the payout). Immutable; start from {@link #ofDefaults()}.
 */
public record CommissionPolicy(Duration holdPeriod, Money minimumPayout, BasisPoints feeRate, Money minimumFee) {
  public static final Duration DEFAULT_HOLD_PERIOD = Duration.ofDays(7);
  public static final Money DEFAULT_MINIMUM_PAYOUT = Money.ofYuan(10);

  public CommissionPolicy {
    Check.notNull(holdPeriod, "holdPeriod");
    Check.that(!holdPeriod.isNegative(), "holdPeriod", "negative", "holdPeriod must not be negative");
    Check.notNull(minimumPayout, "minimumPayout");
    Check.that(minimumPayout.isPositive(), "minimumPayout", "not_positive", "minimumPayout must be positive");
    Check.notNull(feeRate, "feeRate");
    Check.notNull(minimumFee, "minimumFee");
    Check.that(!minimumFee.isNegative(), "minimumFee", "negative", "minimumFee must not be negative");
  }

  /** Held 7 days, at least 10 yuan per payout, no fee. */
  public static CommissionPolicy ofDefaults() {
    return new CommissionPolicy(DEFAULT_HOLD_PERIOD, DEFAULT_MINIMUM_PAYOUT, BasisPoints.ZERO, Money.zero(Money.CNY));
  }

  public CommissionPolicy withHoldPeriod(Duration holdPeriod) {
    return new CommissionPolicy(holdPeriod, minimumPayout, feeRate, minimumFee);
  }

  public CommissionPolicy withMinimumPayout(Money minimumPayout) {
    return new CommissionPolicy(holdPeriod, minimumPayout, feeRate, minimumFee);
  }

  public CommissionPolicy withFee(BasisPoints rate, Money minimum) {
    return new CommissionPolicy(holdPeriod, minimumPayout, rate, minimum);
  }

  /** The fee on a payout of {@code gross}. */
  public Money feeFor(Money gross) {
    Check.notNull(gross, "gross");
    Money fee = gross.times(feeRate, RoundingMode.HALF_UP);
    Money floor = Money.ofMinor(minimumFee.minor(), gross.currency());
    return fee.max(floor).min(gross);
  }
}
