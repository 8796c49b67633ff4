package io.kinhealth.compliance.consent;

import io.kinhealth.core.validation.Check;

/**
 * Where the proof of a consent is kept (a signed form scan, a click log entry) and its SHA-256, so the proof can be
 * checked later without the SDK storing it. The reference is an opaque id, never personal data.
 */
public record ConsentEvidence(String reference, String sha256) {
  public ConsentEvidence {
    reference = Check.text(reference, "evidence.reference", 500);
    if (sha256 != null) {
      sha256 = Check.notBlank(sha256, "evidence.sha256");
      Check.that(sha256.length() == 64 && sha256.chars().allMatch(c -> Character.digit(c, 16) >= 0),
          "evidence.sha256", "evidence.hash_format", "an evidence hash is 64 hex characters");
    }
  }
}
