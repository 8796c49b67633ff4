package io.kinhealth.family;

import io.kinhealth.core.error.FieldViolation;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.IntegrityException;
import io.kinhealth.core.error.LimitExceededException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.IdGenerator;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import io.kinhealth.core.validation.CommandValidator;
import io.kinhealth.family.document.DocumentContent;
import io.kinhealth.family.document.DocumentId;
import io.kinhealth.family.document.HealthDocument;
import io.kinhealth.family.spi.DocumentStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Health documents of members (checkup-report photos, prescriptions, discharge summaries): attached by the member or
 * her guardian, read by anyone only through {@link FamilyViewing} — opening or listing a document is a consent
 * decision on the document's data category, audited like any other read, and a withdrawn consent hides it at the
 * next read.
 *
 * <p>Guarantees: the SHA-256 (and SHA-1) and size are computed from the bytes on attach, and the bytes are checked
 * against the SHA-256 every time they are read ({@link IntegrityException} on a mismatch); media types are limited to
 * the configured set and sizes to the configured maximum; attaching is idempotent under the command's key.
 * Thread-safe; built by {@link FamilyRecords}.
 */
public final class DocumentService {
  /** Largest document accepted by default: 20 MiB (a phone photo of a report is a few MB). */
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
  /** Media types accepted by default: PDF and the image formats phones produce. */
  public static final Set<String> DEFAULT_MEDIA_TYPES = Set.of("application/pdf", "image/jpeg", "image/png",
      "image/webp", "image/heic", "image/heif");

  private final DocumentStore store;
  private final FamilyService families;
  private final FamilyViewing viewing;
  private final TransactionRunner tx;
  private final IdGenerator ids;
  private final Clock clock;
  private final long maxBytes;
  private final Set<String> mediaTypes;
  private final CommandValidator validator;

  DocumentService(DocumentStore store, FamilyService families, FamilyViewing viewing, TransactionRunner tx,
      IdGenerator ids, Clock clock, long maxBytes, Set<String> mediaTypes, CommandValidator validator) {
    this.store = store;
    this.families = families;
    this.viewing = viewing;
    this.tx = tx;
    this.ids = ids;
    this.clock = clock;
    this.maxBytes = maxBytes;
    this.mediaTypes = Set.copyOf(mediaTypes);
    this.validator = validator;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public Set<String> mediaTypes() {
    return mediaTypes;
  }

  /** Attaches a document to the member's record (bytes, or an external URI with its SHA-256 and size). */
  public HealthDocument attach(AttachDocument cmd) {
    Check.notNull(cmd, "command");
    List<FieldViolation> problems = new ArrayList<>();
    require(problems, cmd.key(), "key");
    require(problems, cmd.actor(), "actor");
    require(problems, cmd.subject(), "subject");
    require(problems, cmd.type(), "type");
    require(problems, cmd.documentDate(), "documentDate");
    require(problems, cmd.mediaType(), "mediaType");
    byte[] bytes = cmd.bytesUnsafe();
    boolean external = cmd.externalUri() != null;
    if (external == (bytes != null)) {
      problems.add(new FieldViolation("content", "document.content.one_of",
          "give either the bytes or an external URI with its hash and size"));
    }
    if (external && (cmd.externalSha256() == null || cmd.externalSize() == null)) {
      problems.add(new FieldViolation("externalSha256", "required", "an external document needs its SHA-256 and size"));
    }
    String mediaType = cmd.mediaType() == null ? null : cmd.mediaType().toLowerCase(Locale.ROOT).strip();
    if (mediaType != null && !mediaTypes.contains(mediaType)) {
      problems.add(new FieldViolation("mediaType", "document.media_type.not_accepted",
          "accepted media types: " + String.join(", ", new java.util.TreeSet<>(mediaTypes))));
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    long size = external ? cmd.externalSize() : bytes.length;
    if (size > maxBytes) {
      throw new LimitExceededException("document.too_large", "content",
          "a document may be at most " + maxBytes + " bytes");
    }
    Check.that(size > 0, "content", "document.empty", "a document has content");
    Check.that(!cmd.documentDate().isAfter(LocalDate.now(clock.withZone(families.profile(cmd.subject()).zone()))),
        "documentDate", "document.date_future", "a document's date is not in the future");
    if (!families.manages(cmd.actor(), cmd.subject())) {
      throw new ForbiddenException("family.record.not_guardian", "subject",
          "only the member, or her guardian while she is a minor, attaches her documents");
    }
    String category = cmd.dataCategory() != null ? Check.text(cmd.dataCategory(), "dataCategory", 100)
        : cmd.type().defaultCategory();
    HealthDocument doc = new HealthDocument(DocumentId.of(ids.newId()), cmd.subject(), cmd.type(), cmd.title(),
        cmd.documentDate(), mediaType, size, external ? cmd.externalSha256() : hex("SHA-256", bytes),
        external ? null : hex("SHA-1", bytes), category, cmd.externalUri(), cmd.actor(), clock.instant());
    return tx.inTransaction(() -> store.save(cmd.key(), doc, external ? null : bytes));
  }

  private static void require(List<FieldViolation> problems, Object value, String field) {
    if (value == null) {
      problems.add(new FieldViolation(field, "required", field + " is required"));
    }
  }

  /**
   * Opens a document as {@code viewer} may: a consent decision on its category (audited); the bytes, when the store
   * holds them, are checked against the stored SHA-256.
   */
  public DocumentContent open(PersonId viewer, DocumentId id) {
    HealthDocument doc = metadata(viewer, id);
    if (doc.isExternal()) {
      return new DocumentContent(doc, null);
    }
    byte[] bytes = store.readContent(doc.id()).orElseThrow(() -> new IntegrityException("document.content_missing",
        "document", "the document's bytes are missing from the store"));
    if (bytes.length != doc.sizeBytes() || !MessageDigest.isEqual(doc.sha256Bytes(), digest("SHA-256", bytes))) {
      throw new IntegrityException("document.integrity", "document",
          "the stored bytes do not match the document's SHA-256");
    }
    return new DocumentContent(doc, bytes);
  }

  /** A document's metadata as {@code viewer} may see it (a consent decision on its category, audited). */
  public HealthDocument metadata(PersonId viewer, DocumentId id) {
    Check.notNull(viewer, "viewer");
    HealthDocument doc = store.find(Check.notNull(id, "document")).orElseThrow(() -> new NotFoundException(
        "document.not_found", "document", "no such document"));
    viewing.require(viewer, doc.subject(), doc.dataCategory());
    return doc;
  }

  /**
   * A page of the member's documents, latest first, keeping only those whose category {@code viewer} may see (one
   * consent decision for the page's categories; a page may so hold fewer than its limit).
   */
  public Page<HealthDocument> list(PersonId viewer, PersonId subject, PageRequest page) {
    Check.notNull(viewer, "viewer");
    Check.notNull(subject, "subject");
    Page<HealthDocument> raw = store.documentsOf(subject, Check.notNull(page, "page"));
    if (raw.items().isEmpty()) {
      return raw;
    }
    Set<String> categories = new HashSet<>();
    raw.items().forEach(d -> categories.add(d.dataCategory()));
    ViewingDecision d = viewing.decide(viewer, subject, categories);
    return new Page<>(raw.items().stream().filter(doc -> d.permits(doc.dataCategory())).toList(), raw.nextCursor());
  }

  /** Documents of the member in the given categories without a decision: for callers that decided (exports). */
  List<HealthDocument> documentsUnchecked(PersonId subject, Set<String> categories, int limit) {
    List<HealthDocument> out = new ArrayList<>();
    PageRequest request = PageRequest.first(Math.min(limit, 500));
    while (out.size() < limit) {
      Page<HealthDocument> p = store.documentsOf(subject, request);
      p.items().stream().filter(d -> categories.contains(d.dataCategory())).limit(limit - (long) out.size())
          .forEach(out::add);
      if (!p.hasNext()) {
        break;
      }
      request = request.next(p);
    }
    return out;
  }

  /** Erases a document (metadata and bytes); tells whether there was one to erase. */
  public boolean delete(DeleteDocument cmd) {
    Check.notNull(cmd, "command");
    validator.validate(cmd);
    HealthDocument doc = store.find(cmd.document()).orElse(null);
    if (doc != null && !families.manages(cmd.actor(), doc.subject())) {
      throw new ForbiddenException("family.record.not_guardian", "document",
          "only the member, or her guardian while she is a minor, erases her documents");
    }
    return tx.inTransaction(() -> store.delete(cmd.key(), cmd.document()));
  }

  private static String hex(String algorithm, byte[] bytes) {
    return HexFormat.of().formatHex(digest(algorithm, bytes));
  }

  private static byte[] digest(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required by every Java platform", e);
    }
  }
}
