package io.kinhealth.compliance.consent;

/**
 * How consent was given. Only the separate kinds satisfy PIPL's 单独同意 (arts. 23, 25, 29, 39); only
 * {@link #GUARDIAN} satisfies art. 31 for a subject under 14.
 */
public enum ConsentType {
  /** General consent (art. 14): enough for non-sensitive data used by the processor itself. */
  GENERAL,
  /** Separate consent (单独同意), given specifically for this processing, never bundled with other terms. */
  SEPARATE,
  /** Written separate consent (书面同意), where a law requires writing (art. 29); satisfies SEPARATE. */
  WRITTEN,
  /** Separate consent given by the guardian of a subject under 14 (art. 31). */
  GUARDIAN;

  /** Whether this is a separate consent in the sense of PIPL (art. 14 second paragraph, arts. 23/25/29/39). */
  public boolean isSeparate() {
    return this != GENERAL;
  }
}
