package io.kinhealth.family.observation;

/** How trustworthy a reading's time is. */
public enum TimeBasis {
  /** The source reported the instant with its UTC offset. */
  MEASURED,
  /** The source reported a local wall-clock time; the offset comes from the member's zone at that time. */
  LOCAL_TIME_IN_MEMBER_ZONE,
  /** The source gave only a date and part of day; the reading is placed in that span of the member's zone. */
  PART_OF_DAY,
  /** The source gave no time at all; the reading carries the time it was received. */
  RECEIVED
}
