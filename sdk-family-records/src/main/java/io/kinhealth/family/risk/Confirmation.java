package io.kinhealth.family.risk;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dashboard.AlertSeverity;
import java.time.Duration;
import java.util.Optional;

/**
 * A rule that needs a second qualifying reading before it holds: two readings at least {@code minSpacing} apart and
 * at most {@code within} apart (pregnancy hypertension: two readings at least 4 hours apart). Until confirmed, a
 * qualifying reading raises the {@code unconfirmedSeverity} (e.g. LOW: "measure again in 4 hours"), or nothing when
 * it is null. Readings are paired whichever arrives first, so late data confirms as well as fresh data.
 */
public record Confirmation(int readings, Duration minSpacing, Duration within, AlertSeverity unconfirmedSeverity) {
  public Confirmation {
    Check.that(readings == 2, "confirmation.readings", "risk.confirmation.readings",
        "a confirmation pairs two readings");
    Check.notNull(minSpacing, "confirmation.minSpacing");
    Check.notNull(within, "confirmation.within");
    Check.that(!minSpacing.isNegative() && within.compareTo(minSpacing) >= 0, "confirmation.within",
        "risk.confirmation.window", "within must be at least minSpacing");
  }

  public Optional<AlertSeverity> knownUnconfirmedSeverity() {
    return Optional.ofNullable(unconfirmedSeverity);
  }
}
