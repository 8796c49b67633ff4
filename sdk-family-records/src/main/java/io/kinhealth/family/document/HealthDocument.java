package io.kinhealth.family.document;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A health document of a member (a checkup-report photo, a prescription, a discharge summary): its kind, the date it
 * bears, a title, its media type, size and SHA-256 of its bytes, the consent data category reading it falls under,
 * and where its bytes are: in the {@link io.kinhealth.family.spi.DocumentStore} or at an external URI (the host's
 * object storage). The SHA-1 is kept too when the SDK saw the bytes, because FHIR's {@code Attachment.hash} is SHA-1.
 *
 * <p>Immutable once stored (a corrected scan is a new document). Personal data: the title and the URI may name the
 * member or a diagnosis, so {@code toString} shows only the id, kind and category.
 */
public record HealthDocument(
    DocumentId id,
    PersonId subject,
    DocumentType type,
    String title,
    LocalDate documentDate,
    String mediaType,
    long sizeBytes,
    String sha256,
    String sha1,
    String dataCategory,
    URI externalUri,
    PersonId recordedBy,
    Instant recordedAt) {

  /** What the document is, without its storage identity and recording time (replays compare these). */
  public record Content(PersonId subject, DocumentType type, String title, LocalDate documentDate, String mediaType,
      long sizeBytes, String sha256, String dataCategory, URI externalUri, PersonId recordedBy) {
    @Override
    public String toString() {
      return "HealthDocument.Content[" + type + "]";
    }
  }

  public HealthDocument {
    Check.notNull(id, "id");
    Check.notNull(subject, "subject");
    Check.notNull(type, "type");
    if (title != null) {
      title = Check.text(title, "title", 200);
    }
    Check.notNull(documentDate, "documentDate");
    mediaType = Check.text(mediaType, "mediaType", 100);
    Check.that(mediaType.matches("[a-z]+/[A-Za-z0-9][A-Za-z0-9.+_-]*"), "mediaType", "document.media_type.invalid",
        "a media type looks like image/jpeg");
    Check.notNegative(sizeBytes, "sizeBytes");
    sha256 = hex(sha256, "sha256", 64);
    if (sha1 != null) {
      sha1 = hex(sha1, "sha1", 40);
    }
    dataCategory = Check.text(dataCategory, "dataCategory", 100);
    if (externalUri != null) {
      Check.that(externalUri.isAbsolute(), "externalUri", "document.uri.relative", "an external URI is absolute");
    }
    Check.notNull(recordedBy, "recordedBy");
    Check.notNull(recordedAt, "recordedAt");
  }

  private static String hex(String value, String field, int length) {
    String v = Check.notBlank(value, field).toLowerCase(java.util.Locale.ROOT);
    Check.that(v.length() == length && v.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')),
        field, "document.hash.invalid", field + " is " + length + " hex digits");
    return v;
  }

  public Content content() {
    return new Content(subject, type, title, documentDate, mediaType, sizeBytes, sha256, dataCategory, externalUri,
        recordedBy);
  }

  /** Whether the bytes are held elsewhere (at {@link #externalUri()}) rather than in the document store. */
  public boolean isExternal() {
    return externalUri != null;
  }

  public Optional<String> knownTitle() {
    return Optional.ofNullable(title);
  }

  public Optional<URI> knownExternalUri() {
    return Optional.ofNullable(externalUri);
  }

  public Optional<String> knownSha1() {
    return Optional.ofNullable(sha1);
  }

  /** The SHA-256 as bytes. */
  public byte[] sha256Bytes() {
    return HexFormat.of().parseHex(sha256);
  }

  @Override
  public String toString() {
    return "HealthDocument[" + id + ", " + type + ", " + dataCategory + "]";
  }
}
