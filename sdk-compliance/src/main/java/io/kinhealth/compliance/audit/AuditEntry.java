package io.kinhealth.compliance.audit;

import io.kinhealth.compliance.internal.Digest;
import io.kinhealth.core.validation.Check;
import java.time.Instant;

/**
 * One entry of the append-only, hash-chained audit log.
 *
 * <p>{@code hash} is SHA-256 over the sequence, the time, every field of the record and {@code previousHash}; the
 * first entry (sequence 1) chains to {@link #GENESIS}. Changing any stored field, or removing or reordering
 * entries, breaks the chain at that point, which {@link AuditLog#verify()} reports.
 */
public record AuditEntry(long sequence, Instant recordedAt, AuditRecord record, String previousHash, String hash) {
  /** The previous hash of entry 1: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  public AuditEntry {
    Check.positive(sequence, "audit.sequence");
    Check.notNull(recordedAt, "audit.recordedAt");
    Check.notNull(record, "audit.record");
    Check.notBlank(previousHash, "audit.previousHash");
    Check.notBlank(hash, "audit.hash");
  }

  /** The entry that follows {@code previous} (null for the first entry), with its hash computed. */
  public static AuditEntry chain(AuditEntry previous, AuditRecord record, Instant recordedAt) {
    long seq = previous == null ? 1 : previous.sequence + 1;
    String prev = previous == null ? GENESIS : previous.hash;
    return new AuditEntry(seq, recordedAt, record, prev, computeHash(seq, recordedAt, record, prev));
  }

  /** The hash this entry's fields should have. */
  public static String computeHash(long sequence, Instant recordedAt, AuditRecord record, String previousHash) {
    return Digest.sha256().add("kinhealth.audit.v1").add(sequence).add(recordedAt).add(record.type())
        .add(record.subjectId() == null ? null : record.subjectId().value()).add(record.actor())
        .addSorted(record.attributes()).add(record.policyVersion()).add(record.inputDigest()).add(previousHash).hex();
  }

  /** Whether the stored hash matches the stored fields. */
  public boolean isIntact() {
    return hash.equals(computeHash(sequence, recordedAt, record, previousHash));
  }
}
