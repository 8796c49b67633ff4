package io.kinhealth.compliance.notice;

import io.kinhealth.core.validation.Check;

/** The exact notice version (and its SHA-256) an individual was shown when consenting: consent evidence. */
public record NoticeReference(NoticeId id, int version, String sha256) {
  public NoticeReference {
    Check.notNull(id, "notice.id");
    Check.positive(version, "notice.version");
    sha256 = Check.notBlank(sha256, "notice.sha256");
    Check.that(sha256.length() == 64, "notice.sha256", "notice.hash_format", "a notice hash is 64 hex characters");
  }
}
