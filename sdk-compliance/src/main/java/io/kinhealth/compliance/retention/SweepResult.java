package io.kinhealth.compliance.retention;

import java.util.List;

/**
 * What a retention sweep found.
 *
 * @param due records to erase now (then report each with {@code ConsentService.recordErasure})
 * @param heldBack records that would be due but are under a legal hold: keep them stored, do not use them
 * @param unscheduled records no retention rule covers: give their purpose and category a rule
 * @param alreadyErased records that have a tombstone (the host should not hold them any more)
 */
public record SweepResult(List<ErasureDue> due, List<ErasureDue> heldBack, List<HeldRecord> unscheduled,
    List<HeldRecord> alreadyErased) {
  public SweepResult {
    due = List.copyOf(due);
    heldBack = List.copyOf(heldBack);
    unscheduled = List.copyOf(unscheduled);
    alreadyErased = List.copyOf(alreadyErased);
  }
}
