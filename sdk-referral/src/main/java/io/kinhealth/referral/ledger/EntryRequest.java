package io.kinhealth.referral.ledger;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a caller asks the ledger to record atomically: a caller-chosen {@link EntryId}, one or more
 * {@link Transfer}s, and optional metadata (ids and codes for reconciliation, never personal data).
 *
 * <p>Equality is by value: it is what the ledger compares when an entry id is posted again.
 */
public record EntryRequest(EntryId id, List<Transfer> transfers, Map<String, String> metadata) {
  /** The most transfers one entry may hold. */
  public static final int MAX_TRANSFERS = 1_000;

  public EntryRequest {
    Check.notNull(id, "id");
    transfers = List.copyOf(Check.notEmpty(transfers, "transfers"));
    Check.that(transfers.size() <= MAX_TRANSFERS, "transfers", "ledger.entry.too_many_transfers",
        "an entry holds at most " + MAX_TRANSFERS + " transfers");
    metadata = Map.copyOf(Check.noNulls(metadata == null ? Map.of() : metadata, "metadata"));
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      Check.text(e.getKey(), "metadata", 40);
      Check.that(e.getValue().length() <= 200, "metadata", "too_long", "a metadata value is at most 200 characters");
    }
    Set<HoldId> holds = null;
    for (int i = 0; i < transfers.size(); i++) {
      Transfer t = transfers.get(i);
      if (t.kind() == TransferKind.EXPIRE_HOLD) {
        throw new ValidationException("transfers[" + i + "].kind", "ledger.transfer.kind",
            "holds expire through the ledger's expiry sweep, not by request");
      }
      if (t.hold() != null && holds == null) {
        holds = new HashSet<>();
      }
      if (t.hold() != null && !holds.add(t.hold())) {
        throw new ValidationException("transfers[" + i + "].hold", "ledger.hold.repeated",
            "an entry may name a hold only once");
      }
    }
  }

  public static Builder builder(EntryId id) {
    return new Builder(id);
  }

  /** Collects transfers for one entry. */
  public static final class Builder {
    private final EntryId id;
    private final List<Transfer> transfers = new ArrayList<>();
    private Map<String, String> metadata; // made on first use: most entries carry none

    private Builder(EntryId id) {
      this.id = Check.notNull(id, "id");
    }

    public Builder add(Transfer transfer) {
      transfers.add(Check.notNull(transfer, "transfer"));
      return this;
    }

    public Builder metadata(String key, String value) {
      if (metadata == null) {
        metadata = new LinkedHashMap<>();
      }
      metadata.put(Check.notBlank(key, "key"), Check.notNull(value, "value"));
      return this;
    }

    public boolean isEmpty() {
      return transfers.isEmpty();
    }

    public EntryRequest build() {
      return new EntryRequest(id, transfers, metadata == null ? Map.of() : metadata);
    }
  }
}
