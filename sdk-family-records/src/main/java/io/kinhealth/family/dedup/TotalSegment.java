package io.kinhealth.family.dedup;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.Observation;
import java.time.Instant;

/**
 * A stretch of time won by one record in a totals sweep, and the part of that record's count attributed to it
 * (pro rata to time: a record of 600 steps over 10 minutes gives 300 to a 5-minute stretch). A record with no
 * duration is a point and gives its whole count to the instant it covers.
 */
public record TotalSegment(Instant start, Instant end, Observation record, double value) {
  public TotalSegment {
    Check.notNull(start, "start");
    Check.notNull(end, "end");
    Check.notNull(record, "record");
  }

  @Override
  public String toString() {
    return "TotalSegment[" + start + ".." + end + ", " + record.id() + "]";
  }
}
