package io.kinhealth.compliance.spi;

import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import java.util.Optional;

/**
 * Where privacy-notice versions live. The in-memory default is
 * {@code io.kinhealth.compliance.memory.InMemoryNoticeStore}; {@code NoticeStoreContractKit} checks an
 * implementation.
 *
 * <p>Contract: versions are immutable once inserted. {@link #insert} stores a version; replaying the key with the
 * same notice id and equal content returns the first stored version; another payload under that key throws
 * {@code IdempotencyConflictException}; a version that already exists (inserted under another key) throws
 * {@code ConflictException} with reason {@code notice.version_exists}, and a version that does not follow the
 * latest by exactly one throws {@code ConflictException} with reason {@code notice.version_gap}.
 */
public interface NoticeStore {
  PrivacyNotice insert(PrivacyNotice notice, IdempotencyKey key);

  Optional<PrivacyNotice> find(NoticeId id, int version);

  Optional<PrivacyNotice> latest(NoticeId id);

  /** Versions of one notice, newest first. */
  Page<PrivacyNotice> versions(NoticeId id, PageRequest page);
}
