package io.kinhealth.family.triage;

import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * What people did with an alert: who acknowledged it and when (the latest acknowledgement), who resolved it, when,
 * how, and an optional note (free text that may hold personal data: never logged, not in {@code toString}).
 */
public record AlertReview(ReviewerId acknowledgedBy, Instant acknowledgedAt, ReviewerId resolvedBy,
    Instant resolvedAt, Resolution resolution, String note) {
  /** Nobody has acted yet. */
  public static final AlertReview NONE = new AlertReview(null, null, null, null, null, null);
  /** Longest note kept. */
  public static final int MAX_NOTE = 2000;

  public AlertReview {
    Check.that((acknowledgedBy == null) == (acknowledgedAt == null), "acknowledgedAt", "alert.review.incomplete",
        "an acknowledgement has a reviewer and a time");
    Check.that((resolvedBy == null) == (resolvedAt == null) && (resolvedBy == null) == (resolution == null),
        "resolvedAt", "alert.review.incomplete", "a resolution has a reviewer, a time and an outcome");
    if (note != null) {
      note = Check.text(note, "note", MAX_NOTE);
    }
  }

  public Optional<ReviewerId> knownAcknowledgedBy() {
    return Optional.ofNullable(acknowledgedBy);
  }

  public Optional<Resolution> knownResolution() {
    return Optional.ofNullable(resolution);
  }

  /** This review with an acknowledgement by {@code by} at {@code at}. */
  public AlertReview withAcknowledgement(ReviewerId by, Instant at) {
    return new AlertReview(by, at, resolvedBy, resolvedAt, resolution, note);
  }

  /** This review with the resolution (an unacknowledged alert counts as acknowledged by the resolver). */
  public AlertReview withResolution(ReviewerId by, Instant at, Resolution how, String text) {
    return new AlertReview(acknowledgedBy == null ? by : acknowledgedBy, acknowledgedAt == null ? at : acknowledgedAt,
        by, at, how, text);
  }

  @Override
  public String toString() {
    return "AlertReview[" + acknowledgedBy + ", " + resolution + "]";
  }
}
