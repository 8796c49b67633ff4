package io.kinhealth.compliance.notice;

import io.kinhealth.core.validation.Check;
import java.time.Instant;

/**
 * One immutable, published version of a privacy notice.
 *
 * <p>Guarantees: versions of one notice count 1, 2, 3...; {@code sha256} is the digest of {@code content};
 * {@code consentBaseline} is the earliest version whose consents are still current: it equals {@code version} when
 * this version changed purposes, categories, methods or recipients (PIPL art. 14), and is carried over from the
 * previous version otherwise (an editorial change does not make consents stale).
 */
public record PrivacyNotice(
    NoticeId id, int version, NoticeContent content, String sha256, Instant publishedAt, int consentBaseline) {

  public PrivacyNotice {
    Check.notNull(id, "notice.id");
    Check.positive(version, "notice.version");
    Check.notNull(content, "notice.content");
    Check.notNull(publishedAt, "notice.publishedAt");
    Check.inRange(consentBaseline, 1, version, "notice.consentBaseline");
    Check.that(content.sha256().equals(sha256), "notice.sha256", "notice.hash_mismatch",
        "the notice hash does not match its content");
  }

  /** A first version. */
  public static PrivacyNotice first(NoticeId id, NoticeContent content, Instant publishedAt) {
    return new PrivacyNotice(id, 1, content, Check.notNull(content, "notice.content").sha256(), publishedAt, 1);
  }

  /** The version that follows {@code previous}, with the consent baseline moved only on a material change. */
  public static PrivacyNotice next(PrivacyNotice previous, NoticeContent content, Instant publishedAt) {
    Check.notNull(previous, "previous");
    Check.notNull(content, "notice.content");
    int version = previous.version + 1;
    int baseline = content.isMaterialChangeFrom(previous.content) ? version : previous.consentBaseline;
    return new PrivacyNotice(previous.id, version, content, content.sha256(), publishedAt, baseline);
  }

  /** How a consent refers to this version. */
  public NoticeReference reference() {
    return new NoticeReference(id, version, sha256);
  }

  /** Whether a consent given to {@code consentedVersion} is still current under this version. */
  public boolean keepsConsentsFrom(int consentedVersion) {
    return consentedVersion >= consentBaseline;
  }
}
