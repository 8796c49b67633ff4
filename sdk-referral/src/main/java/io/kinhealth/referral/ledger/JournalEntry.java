package io.kinhealth.referral.ledger;

import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.List;

/**
 * An immutable, balanced record in the journal: the request as the caller made it, when the ledger recorded it, and
 * the transfers as they took effect (holds resolved to their accounts and amounts). Corrections are new entries;
 * nothing in the journal is ever changed.
 */
public record JournalEntry(EntryId id, Instant postedAt, EntryRequest request, List<Transfer> transfers) {
  public JournalEntry {
    Check.notNull(id, "id");
    Check.notNull(postedAt, "postedAt");
    Check.notNull(request, "request");
    Check.that(request.id().equals(id), "id", "ledger.entry.id_mismatch", "the entry id differs from its request's");
    transfers = List.copyOf(Check.notEmpty(transfers, "transfers"));
  }
}
