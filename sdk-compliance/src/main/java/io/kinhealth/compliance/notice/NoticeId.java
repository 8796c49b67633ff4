package io.kinhealth.compliance.notice;

import io.kinhealth.core.id.TypedId;

/** Identifies a privacy notice across its versions, e.g. {@code app-privacy} or {@code family-sharing}. */
public record NoticeId(String value) implements TypedId {
  public NoticeId {
    value = TypedId.requireValid(value, "noticeId");
  }

  public static NoticeId of(String value) {
    return new NoticeId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
