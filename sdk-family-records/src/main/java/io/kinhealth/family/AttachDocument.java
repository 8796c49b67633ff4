package io.kinhealth.family;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.document.DocumentType;
import java.net.URI;
import java.time.LocalDate;

/**
 * {@code actor} (the member, or her guardian) attaches a document to the member's record: either its bytes, or an
 * external URI with the SHA-256 and size of what lies there. {@code dataCategory} null means the kind's default
 * (prescriptions: {@code health.medications}; prenatal records: {@code health.pregnancy}; others:
 * {@code health.records}). Checked by {@code DocumentService.attach}, which names the field of every problem.
 */
public final class AttachDocument {
  private final IdempotencyKey key;
  private final PersonId actor;
  private final PersonId subject;
  private final DocumentType type;
  private final String title;
  private final LocalDate documentDate;
  private final String mediaType;
  private final String dataCategory;
  private final byte[] bytes;
  private final URI externalUri;
  private final String externalSha256;
  private final Long externalSize;

  private AttachDocument(Builder b) {
    this.key = b.key;
    this.actor = b.actor;
    this.subject = b.subject;
    this.type = b.type;
    this.title = b.title;
    this.documentDate = b.documentDate;
    this.mediaType = b.mediaType;
    this.dataCategory = b.dataCategory;
    this.bytes = b.bytes == null ? null : b.bytes.clone();
    this.externalUri = b.externalUri;
    this.externalSha256 = b.externalSha256;
    this.externalSize = b.externalSize;
  }

  public static Builder builder(IdempotencyKey key, PersonId actor, PersonId subject) {
    return new Builder(key, actor, subject);
  }

  public IdempotencyKey key() {
    return key;
  }

  public PersonId actor() {
    return actor;
  }

  public PersonId subject() {
    return subject;
  }

  public DocumentType type() {
    return type;
  }

  public String title() {
    return title;
  }

  public LocalDate documentDate() {
    return documentDate;
  }

  public String mediaType() {
    return mediaType;
  }

  public String dataCategory() {
    return dataCategory;
  }

  byte[] bytesUnsafe() {
    return bytes;
  }

  public URI externalUri() {
    return externalUri;
  }

  public String externalSha256() {
    return externalSha256;
  }

  public Long externalSize() {
    return externalSize;
  }

  @Override
  public String toString() {
    return "AttachDocument[" + subject + ", " + type + "]";
  }

  /** Collects the command's parts. */
  public static final class Builder {
    private final IdempotencyKey key;
    private final PersonId actor;
    private final PersonId subject;
    private DocumentType type;
    private String title;
    private LocalDate documentDate;
    private String mediaType;
    private String dataCategory;
    private byte[] bytes;
    private URI externalUri;
    private String externalSha256;
    private Long externalSize;

    private Builder(IdempotencyKey key, PersonId actor, PersonId subject) {
      this.key = key;
      this.actor = actor;
      this.subject = subject;
    }

    public Builder type(DocumentType value) {
      this.type = value;
      return this;
    }

    public Builder title(String value) {
      this.title = value;
      return this;
    }

    public Builder documentDate(LocalDate value) {
      this.documentDate = value;
      return this;
    }

    public Builder dataCategory(String value) {
      this.dataCategory = value;
      return this;
    }

    /** The document's bytes and their media type (e.g. {@code image/jpeg}). */
    public Builder content(String mediaType, byte[] value) {
      this.mediaType = mediaType;
      this.bytes = value == null ? null : value.clone();
      return this;
    }

    /** A document held elsewhere: its URI, media type, SHA-256 (hex) and size. */
    public Builder external(URI uri, String mediaType, String sha256, long sizeBytes) {
      this.externalUri = uri;
      this.mediaType = mediaType;
      this.externalSha256 = sha256;
      this.externalSize = sizeBytes;
      return this;
    }

    public AttachDocument build() {
      return new AttachDocument(this);
    }
  }
}
