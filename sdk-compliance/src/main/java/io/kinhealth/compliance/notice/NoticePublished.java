package io.kinhealth.compliance.notice;

import io.kinhealth.compliance.ComplianceEvent;
import io.kinhealth.core.id.PersonId;
import java.time.Instant;
import java.util.Optional;

/**
 * A privacy-notice version was published. A material change can make consents stale everywhere, so decision caches
 * on every node drop everything on this event.
 */
public record NoticePublished(NoticeId noticeId, int version, boolean materialChange, Instant occurredAt)
    implements ComplianceEvent {
  public static final String TYPE = "compliance.notice.published";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Optional<PersonId> subject() {
    return Optional.empty();
  }
}
