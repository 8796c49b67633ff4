package io.kinhealth.referral.qa;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import java.time.Instant;

/**
 * A reader paid the unlock price through {@code provider} at {@code paidAt} to read an accepted answer. A reader
 * unlocks an answer once: unlocking it again returns the first unlock's settlement.
 */
public record Unlock(QuestionId question, PartyId reader, String provider, Instant paidAt) {
  public Unlock {
    Check.notNull(question, "question");
    Check.notNull(reader, "reader");
    provider = TypedId.requireValid(provider, "provider");
    Check.notNull(paidAt, "paidAt");
  }
}
