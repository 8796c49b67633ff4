package io.kinhealth.compliance.marketing;

import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.Optional;

/**
 * A person unsubscribing from (or subscribing again to) marketing on one channel, or on every channel when
 * {@code channel} is null. The newest change that applies to a channel decides.
 *
 * @param source how the request came in, e.g. {@code sms_reply_T}, {@code app_settings}, {@code call_centre}
 */
public record SubscriptionChange(PersonId person, ContentChannel channel, boolean unsubscribed, Instant at,
    String source) {
  public SubscriptionChange {
    Check.notNull(person, "person");
    Check.notNull(at, "at");
    source = Check.text(source, "source", 64);
  }

  public Optional<ContentChannel> scope() {
    return Optional.ofNullable(channel);
  }

  /** Whether this change is about {@code c} (its own channel, or every channel). */
  public boolean appliesTo(ContentChannel c) {
    return channel == null || channel == c;
  }
}
