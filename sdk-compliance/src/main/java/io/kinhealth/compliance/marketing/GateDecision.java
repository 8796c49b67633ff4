package io.kinhealth.compliance.marketing;

import io.kinhealth.compliance.DecisionOutcome;
import io.kinhealth.compliance.content.AdFinding;
import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The gate's answer for one message: ALLOW, or BLOCK with every reason that applies (not just the first), the
 * content findings and the consent decision's outcome and reason codes as evidence, and when only time stands in the
 * way (quiet hours, the frequency cap) the earliest instant a new message could pass.
 *
 * <p>Guarantees: ALLOW has no reasons and BLOCK at least one. No personal data: the message text is represented by
 * {@link #messageDigest()}, findings carry rule-trigger excerpts only.
 *
 * @param earliestRetryAt when every reason is about time, the earliest instant they all lift; otherwise null
 */
public record GateDecision(MarketingMessageId messageId, PersonId recipient, ContentChannel channel,
    GateOutcome outcome, List<GateReason> reasons, List<AdFinding> findings, DecisionOutcome consentOutcome,
    List<String> consentReasons, String ruleBookVersion, String consentPolicyVersion, Instant decidedAt,
    Instant earliestRetryAt, String messageDigest) {

  public GateDecision {
    Check.notNull(messageId, "messageId");
    Check.notNull(recipient, "recipient");
    Check.notNull(channel, "channel");
    Check.notNull(outcome, "outcome");
    reasons = List.copyOf(Check.noNulls(reasons, "reasons"));
    findings = List.copyOf(Check.noNulls(findings, "findings"));
    Check.notNull(consentOutcome, "consentOutcome");
    consentReasons = List.copyOf(Check.noNulls(consentReasons, "consentReasons"));
    Check.notBlank(ruleBookVersion, "ruleBookVersion");
    Check.notBlank(consentPolicyVersion, "consentPolicyVersion");
    Check.notNull(decidedAt, "decidedAt");
    Check.notBlank(messageDigest, "messageDigest");
    Check.that((outcome == GateOutcome.ALLOW) == reasons.isEmpty(), "reasons", "marketing.decision_inconsistent",
        "an ALLOW has no reasons and a BLOCK at least one");
  }

  public boolean allowed() {
    return outcome == GateOutcome.ALLOW;
  }

  /** Whether a reason with this code is among the reasons. */
  public boolean hasReason(String code) {
    return reasons.stream().anyMatch(r -> r.code().equals(code));
  }

  public Optional<Instant> retryAt() {
    return Optional.ofNullable(earliestRetryAt);
  }
}
