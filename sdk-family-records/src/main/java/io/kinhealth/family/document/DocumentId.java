package io.kinhealth.family.document;

import io.kinhealth.core.id.TypedId;

/** Identifies one stored document. */
public record DocumentId(String value) implements TypedId {
  public DocumentId {
    value = TypedId.requireValid(value, "documentId");
  }

  public static DocumentId of(String value) {
    return new DocumentId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
