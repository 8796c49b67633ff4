package io.kinhealth.family;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.DomainEvent;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dashboard.AlertSeverity;
import io.kinhealth.family.triage.AlertId;
import io.kinhealth.family.triage.AlertStatus;
import java.time.Instant;

/**
 * An alert was raised, raised in severity, acknowledged, escalated or resolved: hosts use it to push a notification
 * to the member or refresh a reviewer's screen. Carries ids, keys, severity and status, never health values.
 */
public record AlertChanged(AlertId alert, PersonId subject, String condition, AlertSeverity severity,
    AlertStatus status, int escalationLevel, long version, Instant occurredAt) implements DomainEvent {
  public static final String TYPE = "family.alert.changed";

  public AlertChanged {
    Check.notNull(alert, "alert");
    Check.notNull(subject, "subject");
    Check.notBlank(condition, "condition");
    Check.notNull(severity, "severity");
    Check.notNull(status, "status");
    Check.notNull(occurredAt, "occurredAt");
  }

  @Override
  public String type() {
    return TYPE;
  }
}
