package io.kinhealth.referral.payment;

import io.kinhealth.core.model.Zones;
import io.kinhealth.core.money.BasisPoints;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import java.math.RoundingMode;
import java.time.ZoneId;

/**
 * How parties withdraw: the smallest withdrawal, the fee ({@code feeRate} of the amount rounded half-up, at least
 * {@code minimumFee}, never all of it), and the most one party may withdraw per calendar day in {@code zone}.
 * Product defaults, not provider rules: set them to the platform's terms. Immutable.
 */
public record WithdrawalPolicy(Money minimum, BasisPoints feeRate, Money minimumFee, Money dailyCap, ZoneId zone) {
  public static final Money DEFAULT_MINIMUM = Money.ofYuan(10);
  public static final Money DEFAULT_DAILY_CAP = Money.ofYuan(5_000);

  public WithdrawalPolicy {
    Check.notNull(minimum, "minimum");
    Check.that(minimum.isPositive(), "minimum", "not_positive", "minimum must be positive");
    Check.notNull(feeRate, "feeRate");
    Check.notNull(minimumFee, "minimumFee");
    Check.that(!minimumFee.isNegative(), "minimumFee", "negative", "minimumFee must not be negative");
    Check.notNull(dailyCap, "dailyCap");
    Check.that(!dailyCap.isLessThan(minimum), "dailyCap", "referral.withdrawal.cap_below_minimum",
        "the daily cap must be at least the minimum");
    Check.notNull(zone, "zone");
  }

  /** At least 10 yuan, no fee, at most 5,000 yuan a day (Asia/Shanghai days). */
  public static WithdrawalPolicy ofDefaults() {
    return new WithdrawalPolicy(DEFAULT_MINIMUM, BasisPoints.ZERO, Money.zero(Money.CNY), DEFAULT_DAILY_CAP,
        Zones.CHINA);
  }

  public WithdrawalPolicy withMinimum(Money minimum) {
    return new WithdrawalPolicy(minimum, feeRate, minimumFee, dailyCap, zone);
  }

  public WithdrawalPolicy withFee(BasisPoints rate, Money minimumFee) {
    return new WithdrawalPolicy(minimum, rate, minimumFee, dailyCap, zone);
  }

  public WithdrawalPolicy withDailyCap(Money dailyCap) {
    return new WithdrawalPolicy(minimum, feeRate, minimumFee, dailyCap, zone);
  }

  /** The fee on a withdrawal of {@code amount}: never the whole amount. */
  public Money feeFor(Money amount) {
    Check.notNull(amount, "amount");
    Money fee = amount.times(feeRate, RoundingMode.HALF_UP).max(Money.ofMinor(minimumFee.minor(), amount.currency()));
    return fee.min(Money.ofMinor(Math.max(0, amount.minor() - 1), amount.currency()));
  }
}
