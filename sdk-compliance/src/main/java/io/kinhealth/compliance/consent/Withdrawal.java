package io.kinhealth.compliance.consent;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;

/**
 * When, where, by whom and (optionally) why a consent was withdrawn. Processing before {@code at} stays lawful
 * (PIPL art. 15). {@code reason} is a code, never free text about the person.
 */
public record Withdrawal(Instant at, PersonId by, ConsentChannel channel, String reason) {
  public Withdrawal {
    Check.notNull(at, "withdrawal.at");
    Check.notNull(by, "withdrawal.by");
    Check.notNull(channel, "withdrawal.channel");
    reason = reason == null ? null : Check.text(reason, "withdrawal.reason", 100);
  }
}
