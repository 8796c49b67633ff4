package io.kinhealth.compliance;

import io.kinhealth.compliance.notice.NoticeContent;
import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.validation.Check;

/** Publish a new version of a privacy notice (the first version if none exists). */
public record PublishNotice(IdempotencyKey idempotencyKey, NoticeId noticeId, NoticeContent content) {
  public PublishNotice {
    Check.notNull(idempotencyKey, "idempotencyKey");
    Check.notNull(noticeId, "noticeId");
    Check.notNull(content, "content");
  }
}
