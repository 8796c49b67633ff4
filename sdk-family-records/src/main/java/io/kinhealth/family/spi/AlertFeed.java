package io.kinhealth.family.spi;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.dashboard.OpenAlert;
import java.util.List;
import java.util.Set;

/**
 * Where the family dashboard gets a member's open alerts (risk rules raise them; family records part 2 provides the
 * engine). The dashboard asks only for the categories the viewer may see, and drops anything else it is given, so a
 * feed cannot leak a hidden member's alerts.
 *
 * <p>Contract: return at most {@code limit} open (unresolved) alerts of {@code subject} whose data category is in
 * {@code categories}, most severe first, then newest first; never throw for a member without alerts. The default,
 * {@link #none()}, has no alerts.
 */
@FunctionalInterface
public interface AlertFeed {
  List<OpenAlert> openAlerts(PersonId subject, Set<String> categories, int limit);

  static AlertFeed none() {
    return (subject, categories, limit) -> List.of();
  }
}
