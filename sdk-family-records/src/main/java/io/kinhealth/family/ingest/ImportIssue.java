package io.kinhealth.family.ingest;

import io.kinhealth.core.validation.Check;

/**
 * One problem found while importing: where (a row, a document), the field, a stable reason and a message without
 * personal data. A rejected record is skipped; the rest of the import goes on.
 */
public record ImportIssue(String location, String field, String reason, String message) {
  public ImportIssue {
    location = Check.text(location, "location", 200);
    field = Check.text(field, "field", 200);
    reason = Check.text(reason, "reason", 100);
    message = Check.text(message, "message", 1000);
  }
}
