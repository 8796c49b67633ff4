package io.kinhealth.referral.qa;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import java.util.Map;

/**
 * A user paid {@code bounty} through {@code provider} to ask the crowd. Asking the same id again with an equal
 * command returns the question.
 *
 * @param parties further roles the crowd rules pay (e.g. the hospital as {@code CLINIC}), never the answerer
 */
public record AskCrowd(QuestionId id, PartyId asker, Money bounty, String provider, Map<PartyRole, PartyId> parties) {
  public AskCrowd {
    Check.notNull(id, "id");
    Check.notNull(asker, "asker");
    Check.notNull(bounty, "bounty");
    Check.positive(bounty.minor(), "bounty");
    provider = TypedId.requireValid(provider, "provider");
    parties = Map.copyOf(Check.noNulls(parties == null ? Map.of() : parties, "parties"));
  }
}
