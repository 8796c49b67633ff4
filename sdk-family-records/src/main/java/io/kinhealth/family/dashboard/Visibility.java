package io.kinhealth.family.dashboard;

/** How much of a member the viewer sees. */
public enum Visibility {
  /** The viewer's own card. */
  SELF,
  /** Every category shown on the dashboard is shared with the viewer. */
  SHARED,
  /** Some categories are shared, the others are left out without a trace. */
  PARTIAL,
  /** Nothing is shared: the card shows only that the member is in the family. */
  HIDDEN
}
