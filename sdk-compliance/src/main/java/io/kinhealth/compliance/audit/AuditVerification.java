package io.kinhealth.compliance.audit;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The result of walking the audit chain: intact, or the first entry at which it breaks and how.
 *
 * @param entriesChecked how many entries were read
 * @param firstBadSequence the sequence of the first entry that was altered, or that should be there and is not
 */
public record AuditVerification(boolean intact, long entriesChecked, OptionalLong firstBadSequence,
    Optional<Problem> problem, String description) {

  /** How the chain is broken. */
  public enum Problem {
    /** An entry's fields no longer match its hash, or its link to the previous entry. */
    ALTERED,
    /** An entry is missing: the sequence jumps. */
    REMOVED,
    /** Entries after a checkpoint are gone, or the head differs from the checkpoint. */
    TRUNCATED
  }

  static AuditVerification ok(long checked) {
    return new AuditVerification(true, checked, OptionalLong.empty(), Optional.empty(),
        "audit chain intact (" + checked + " entries)");
  }

  static AuditVerification broken(long checked, long sequence, Problem problem, String description) {
    return new AuditVerification(false, checked, OptionalLong.of(sequence), Optional.of(problem), description);
  }
}
