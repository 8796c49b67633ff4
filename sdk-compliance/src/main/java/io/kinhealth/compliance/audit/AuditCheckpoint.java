package io.kinhealth.compliance.audit;

import io.kinhealth.core.validation.Check;

/**
 * The head of the audit chain (last sequence and hash). A chain alone cannot show that its newest entries were cut
 * off; a host that keeps checkpoints elsewhere (another database, a timestamping service, a signed log) can prove it
 * with {@link AuditLog#verify(AuditCheckpoint)}.
 */
public record AuditCheckpoint(long sequence, String hash) {
  public AuditCheckpoint {
    Check.positive(sequence, "checkpoint.sequence");
    Check.notBlank(hash, "checkpoint.hash");
  }
}
