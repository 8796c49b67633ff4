package io.kinhealth.compliance;

import io.kinhealth.compliance.consent.ConsentId;
import io.kinhealth.compliance.taxonomy.LawfulBasis;
import io.kinhealth.core.validation.Check;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The answer to a {@link DecisionRequest}: PERMIT, DENY or PERMIT_WITH_OBLIGATIONS, always with at least one reason
 * citing the article it rests on.
 *
 * <p>Guarantees: a DENY has no obligations and relies on no consent; a PERMIT_WITH_OBLIGATIONS has at least one
 * obligation and a PERMIT none; a permit names the lawful basis and, when that is consent, the consent records it
 * relied on. Decisions are immutable and may be shared between threads (the service caches them).
 *
 * @param basedOn the consents the permit relies on (empty for a deny or a non-consent basis)
 * @param lawfulBasis the basis of a permit, null for a deny
 * @param policyVersion policy and vocabulary versions that produced the decision
 */
public record ConsentDecision(
    DecisionRequest request,
    DecisionOutcome outcome,
    List<DecisionReason> reasons,
    List<MaskingObligation> obligations,
    Set<ConsentId> basedOn,
    LawfulBasis lawfulBasis,
    String policyVersion) {

  public ConsentDecision {
    Check.notNull(request, "request");
    Check.notNull(outcome, "outcome");
    reasons = List.copyOf(Check.notEmpty(reasons, "reasons"));
    obligations = List.copyOf(Check.noNulls(obligations, "obligations"));
    basedOn = Set.copyOf(Check.noNulls(basedOn, "basedOn"));
    Check.notBlank(policyVersion, "policyVersion");
    switch (outcome) {
      case DENY -> Check.that(obligations.isEmpty() && basedOn.isEmpty() && lawfulBasis == null, "outcome",
          "decision.inconsistent", "a deny has no obligations, consents or basis");
      case PERMIT -> Check.that(obligations.isEmpty() && lawfulBasis != null, "outcome", "decision.inconsistent",
          "a permit has a basis and no obligations");
      case PERMIT_WITH_OBLIGATIONS -> Check.that(!obligations.isEmpty() && lawfulBasis != null, "outcome",
          "decision.inconsistent", "a permit with obligations has a basis and obligations");
      default -> throw new IllegalStateException();
    }
  }

  /** PERMIT or PERMIT_WITH_OBLIGATIONS. */
  public boolean isPermitted() {
    return outcome != DecisionOutcome.DENY;
  }

  public boolean isDenied() {
    return outcome == DecisionOutcome.DENY;
  }

  /** The first (most decisive) reason. */
  public DecisionReason primaryReason() {
    return reasons.get(0);
  }

  public Optional<LawfulBasis> basis() {
    return Optional.ofNullable(lawfulBasis);
  }

  /** Whether a reason with this code is among the reasons. */
  public boolean hasReason(String code) {
    for (DecisionReason r : reasons) {
      if (r.code().equals(code)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "ConsentDecision[" + outcome + ", " + reasons + (obligations.isEmpty() ? "" : ", mask " + obligations)
        + "]";
  }
}
