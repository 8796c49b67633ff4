package io.kinhealth.compliance;

import io.kinhealth.compliance.taxonomy.LawfulBasis;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.validation.Check;
import java.util.Set;

/**
 * A non-consent lawful basis a host relies on for one purpose and some actions (PIPL art. 13 items 2-7), e.g.
 * contract necessity for {@code treatment}, or protecting life and health for emergency sharing. Processing it
 * covers is permitted without consent, citing the basis; a consent-based basis cannot be configured here.
 *
 * @param justification why the basis applies, for the audit and the subject (no personal data)
 */
public record LawfulBasisRule(Purpose purpose, LawfulBasis basis, Set<ProcessingAction> actions,
    String justification) {
  public LawfulBasisRule {
    Check.notNull(purpose, "rule.purpose");
    Check.notNull(basis, "rule.basis");
    Check.that(!basis.requiresConsent(), "rule.basis", "policy.consent_is_not_a_rule",
        "consent is the default basis; a lawful-basis rule names a non-consent basis");
    actions = Set.copyOf(Check.notEmpty(actions, "rule.actions"));
    justification = Check.text(justification, "rule.justification", 500);
  }
}
