package io.kinhealth.referral.qa;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import java.util.Map;

/**
 * A user paid the named expert's listed price through {@code provider} to ask the expert. Asking the same id again
 * with an equal command returns the question.
 *
 * @param parties further roles the expert rules pay (e.g. the expert's hospital), never the answerer
 */
public record AskExpert(QuestionId id, PartyId asker, PartyId expert, String provider,
    Map<PartyRole, PartyId> parties) {
  public AskExpert {
    Check.notNull(id, "id");
    Check.notNull(asker, "asker");
    Check.notNull(expert, "expert");
    provider = TypedId.requireValid(provider, "provider");
    parties = Map.copyOf(Check.noNulls(parties == null ? Map.of() : parties, "parties"));
  }
}
