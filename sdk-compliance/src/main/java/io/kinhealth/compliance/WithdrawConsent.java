package io.kinhealth.compliance;

import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentId;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;

/**
 * Withdraw a consent (PIPL art. 15): one call, by the subject or by whoever granted it (a guardian).
 *
 * @param reason an optional reason code (never free text about the person)
 */
public record WithdrawConsent(IdempotencyKey idempotencyKey, ConsentId consentId, PersonId requestedBy,
    ConsentChannel channel, String reason) {
  public WithdrawConsent {
    Check.notNull(idempotencyKey, "idempotencyKey");
    Check.notNull(consentId, "consentId");
    Check.notNull(requestedBy, "requestedBy");
    Check.notNull(channel, "channel");
    reason = reason == null ? null : Check.text(reason, "reason", 100);
  }

  public static WithdrawConsent of(IdempotencyKey key, ConsentId consentId, PersonId requestedBy,
      ConsentChannel channel) {
    return new WithdrawConsent(key, consentId, requestedBy, channel, null);
  }
}
