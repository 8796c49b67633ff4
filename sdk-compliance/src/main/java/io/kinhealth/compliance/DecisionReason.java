package io.kinhealth.compliance;

import io.kinhealth.core.validation.Check;

/**
 * Why a decision came out as it did: a stable code (e.g. {@code decision.separate_consent_required}), the article
 * it rests on (e.g. {@code PIPL art. 29}) and a message. Messages name category, purpose and action codes, never
 * personal data, so reasons can be logged, audited and shown to the subject.
 */
public record DecisionReason(String code, String citation, String message) {
  public DecisionReason {
    Check.notBlank(code, "reason.code");
    Check.notBlank(citation, "reason.citation");
    Check.notBlank(message, "reason.message");
  }

  /** {@code PIPL art. 29: separate consent required for health data (health.vital_signs)}. */
  @Override
  public String toString() {
    return citation + ": " + message;
  }
}
