package io.kinhealth.compliance.marketing;

import io.kinhealth.compliance.DataSubject;
import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.core.model.Zones;
import io.kinhealth.core.validation.Check;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * One marketing message about to be sent to one person.
 *
 * <p>Personal data: the text may address the person by name, so {@link #toString()} shows only the ids, and the gate
 * stores and audits a SHA-256 digest of the message, never its text.
 *
 * @param id the host's message id; checking the same id again returns the first decision
 * @param recipient the person, with the birth date the consent rules need (under-14 guardian consent)
 * @param channel where the message goes
 * @param text the copy exactly as it will be sent
 * @param recipientZone the recipient's time zone, for quiet hours (default Asia/Shanghai)
 * @param personalisedWith the categories of the person's data used to choose or write this message (purchases,
 *     health data); empty for a message sent alike to everyone. They join the consent question (PIPL art. 24).
 */
public record MarketingMessage(MarketingMessageId id, DataSubject recipient, ContentChannel channel, String text,
    ZoneId recipientZone, Set<DataCategory> personalisedWith) {

  /** Longest message text accepted (characters). */
  public static final int MAX_TEXT_LENGTH = 20_000;

  public MarketingMessage {
    Check.notNull(id, "messageId");
    Check.notNull(recipient, "recipient");
    Check.notNull(channel, "channel");
    Check.that(channel != ContentChannel.UNSPECIFIED, "channel", "marketing.channel_required",
        "a marketing message names the channel it is sent on");
    Check.notBlank(text, "text");
    Check.that(text.length() <= MAX_TEXT_LENGTH, "text", "marketing.text_too_long",
        "text must be at most " + MAX_TEXT_LENGTH + " characters");
    recipientZone = recipientZone == null ? Zones.CHINA : recipientZone;
    personalisedWith = Set.copyOf(Check.noNulls(personalisedWith == null ? Set.of() : personalisedWith,
        "personalisedWith"));
  }

  /** A message not personalised, to a recipient in Asia/Shanghai. */
  public static MarketingMessage of(MarketingMessageId id, DataSubject recipient, ContentChannel channel,
      String text) {
    return new MarketingMessage(id, recipient, channel, text, Zones.CHINA, Set.of());
  }

  public MarketingMessage inZone(ZoneId zone) {
    return new MarketingMessage(id, recipient, channel, text, Check.notNull(zone, "recipientZone"), personalisedWith);
  }

  public MarketingMessage personalisedWith(DataCategory... categories) {
    return new MarketingMessage(id, recipient, channel, text, recipientZone, Set.of(categories));
  }

  /**
   * SHA-256 of everything that defines the message (id, recipient id and birth date, channel, text, zone,
   * personalisation): the idempotency payload and the audit's input digest.
   */
  public String digest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      TreeSet<String> categories = new TreeSet<>();
      personalisedWith.forEach(c -> categories.add(c.code()));
      for (String part : new String[] {"kinhealth.marketing-message.v1", id.value(), recipient.id().value(),
          String.valueOf(recipient.knownBirthDate().orElse(null)), channel.name(), text, recipientZone.getId(),
          String.join(",", categories)}) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (bytes.length >>> 24));
        sha.update((byte) (bytes.length >>> 16));
        sha.update((byte) (bytes.length >>> 8));
        sha.update((byte) bytes.length);
        sha.update(bytes);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "MarketingMessage[id=" + id + ", recipient=" + recipient.id() + ", channel=" + channel + "]";
  }
}
