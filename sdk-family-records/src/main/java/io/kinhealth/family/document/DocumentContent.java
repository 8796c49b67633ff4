package io.kinhealth.family.document;

import io.kinhealth.core.validation.Check;
import java.util.Optional;

/**
 * A document as read: its metadata and either its bytes (verified against the stored SHA-256 when read) or, for a
 * document held elsewhere, only the metadata with its external URI. Bytes are copied in and out.
 */
public final class DocumentContent {
  private final HealthDocument document;
  private final byte[] bytes;

  public DocumentContent(HealthDocument document, byte[] bytes) {
    this.document = Check.notNull(document, "document");
    this.bytes = bytes == null ? null : bytes.clone();
  }

  public HealthDocument document() {
    return document;
  }

  /** The bytes, when the store holds them. */
  public Optional<byte[]> bytes() {
    return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
  }

  @Override
  public String toString() {
    return "DocumentContent[" + document.id() + "]";
  }
}
