package io.kinhealth.family.risk;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dashboard.AlertSeverity;
import java.time.Duration;

/**
 * Reduced fetal movements from counts the mother records (fetal-movement counts over periods): from week
 * {@code fromWeek}, act when the movements of the last {@code window} (12 h) fall below {@code minPerWindow} (10),
 * or drop by {@code dropFraction} (50%) or more from her own baseline (the mean of her daily estimates over the
 * previous {@code baselineDays} days).
 *
 * <p>Counts need not cover the whole window: the common method counts three 1-hour sessions and scales them up, so
 * an estimate is made once at least {@code minCounted} of counting lies in the window (sum of counts × window ÷
 * time counted). <b>Review:</b> the thresholds are hospital guidance that needs a clinician's sign-off
 * ({@link RuleReview#NEEDS_CLINICIAN_SIGN_OFF} in the default table).
 */
public record FetalMovementRule(
    String key,
    String dropKey,
    String condition,
    String display,
    int fromWeek,
    double minPerWindow,
    Duration window,
    Duration minCounted,
    double dropFraction,
    int baselineDays,
    AlertSeverity severity,
    String source,
    RuleReview review) {

  public FetalMovementRule {
    key = Check.text(key, "fetalMovements.key", 100);
    dropKey = Check.text(dropKey, "fetalMovements.dropKey", 100);
    condition = Check.text(condition, "fetalMovements.condition", 100);
    display = Check.text(display, "fetalMovements.display", 200);
    Check.inRange(fromWeek, 0, 45, "fetalMovements.fromWeek");
    Check.that(minPerWindow > 0, "fetalMovements.minPerWindow", "risk.fetal.threshold", "the minimum is positive");
    Check.notNull(window, "fetalMovements.window");
    Check.notNull(minCounted, "fetalMovements.minCounted");
    Check.that(!window.isNegative() && !window.isZero() && !minCounted.isNegative() && !minCounted.isZero() && minCounted.compareTo(window) <= 0,
        "fetalMovements.minCounted", "risk.fetal.window", "0 < minCounted <= window");
    Check.that(dropFraction > 0 && dropFraction < 1, "fetalMovements.dropFraction", "risk.fetal.drop",
        "the drop is a fraction between 0 and 1");
    Check.inRange(baselineDays, 1, 14, "fetalMovements.baselineDays");
    Check.notNull(severity, "fetalMovements.severity");
    source = Check.text(source, "fetalMovements.source", 100);
    Check.notNull(review, "fetalMovements.review");
  }
}
