package io.kinhealth.referral.attribution;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.validation.Check;

/** A processed scan as the referral store keeps it, so a replayed scan returns its first outcome. */
public record ScanRecord(IdempotencyKey key, ScanCommand command, ScanOutcome outcome) {
  public ScanRecord {
    Check.notNull(key, "key");
    Check.notNull(command, "command");
    Check.notNull(outcome, "outcome");
    Check.that(command.key().equals(key), "key", "referral.scan.key_mismatch", "the record's key is not the command's");
  }
}
