package io.kinhealth.family;

import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_MEDICATIONS;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_RECORDS;
import static io.kinhealth.family.support.Family4.FATHER;
import static io.kinhealth.family.support.Family4.FATHER_BORN;
import static io.kinhealth.family.support.Family4.MOTHER;
import static io.kinhealth.family.support.Family4.MOTHER_BORN;
import static io.kinhealth.family.support.Family4.SON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.WithdrawConsent;
import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.IntegrityException;
import io.kinhealth.core.error.LimitExceededException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.family.document.DocumentContent;
import io.kinhealth.family.document.DocumentId;
import io.kinhealth.family.document.DocumentType;
import io.kinhealth.family.document.HealthDocument;
import io.kinhealth.family.memory.InMemoryDocumentStore;
import io.kinhealth.family.spi.DocumentStore;
import io.kinhealth.family.support.Family4;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Health documents")
class DocumentServiceTest {
  private static final byte[] SCAN = "%PDF-1.7 discharge summary scan".getBytes(StandardCharsets.UTF_8);
  private static final LocalDate DATE = LocalDate.of(2026, 11, 20);

  /** A store whose bytes can be corrupted, to see that reads check them. */
  private static final class CorruptibleStore implements DocumentStore {
    final InMemoryDocumentStore inner = new InMemoryDocumentStore();
    final AtomicBoolean corrupt = new AtomicBoolean();

    @Override
    public HealthDocument save(IdempotencyKey key, HealthDocument document, byte[] bytes) {
      return inner.save(key, document, bytes);
    }

    @Override
    public Optional<HealthDocument> find(DocumentId id) {
      return inner.find(id);
    }

    @Override
    public Optional<byte[]> readContent(DocumentId id) {
      return inner.readContent(id).map(b -> {
        if (corrupt.get()) {
          b[0] ^= 1;
        }
        return b;
      });
    }

    @Override
    public Page<HealthDocument> documentsOf(PersonId subject, PageRequest page) {
      return inner.documentsOf(subject, page);
    }

    @Override
    public boolean delete(IdempotencyKey key, DocumentId id) {
      return inner.delete(key, id);
    }
  }

  private final CorruptibleStore store = new CorruptibleStore();
  private final Family4 f = new Family4(b -> b.documentStore(store));
  private final DocumentService documents = f.records.documents();

  private HealthDocument attach(PersonId actor, PersonId subject, DocumentType type, byte[] bytes) {
    return documents.attach(AttachDocument.builder(f.key(), actor, subject).type(type).title("出院小结 2026-11")
        .documentDate(DATE).content("application/pdf", bytes).build());
  }

  private long auditCount() {
    return f.consents.auditLog().verify().entriesChecked();
  }

  @Test
  @DisplayName("the father attaches his discharge summary: hashes and size are computed, he reads it back intact")
  void attachAndOpen() {
    HealthDocument d = attach(FATHER, FATHER, DocumentType.DISCHARGE_SUMMARY, SCAN);
    assertThat(d.sizeBytes()).isEqualTo(SCAN.length);
    assertThat(d.sha256()).hasSize(64);
    assertThat(d.sha1()).hasSize(40);
    assertThat(d.dataCategory()).isEqualTo("health.records");
    assertThat(d.toString()).doesNotContain("出院");
    DocumentContent c = documents.open(FATHER, d.id());
    assertThat(c.bytes()).get().isEqualTo(SCAN);
  }

  @Test
  @DisplayName("reading a relative's document is a consent decision, audited; a withdrawal hides it at the next read")
  void consentDecides() {
    HealthDocument d = attach(FATHER, FATHER, DocumentType.DISCHARGE_SUMMARY, SCAN);
    long before = auditCount();
    assertThatThrownBy(() -> documents.open(MOTHER, d.id())).isInstanceOf(ForbiddenException.class);
    assertThat(auditCount()).isGreaterThan(before);
    ConsentRecord consent = f.share(FATHER, FATHER_BORN, MOTHER, HEALTH_RECORDS);
    assertThat(documents.open(MOTHER, d.id()).bytes()).get().isEqualTo(SCAN);
    f.consents.withdrawConsent(WithdrawConsent.of(f.key(), consent.id(), FATHER, ConsentChannel.APP));
    assertThatThrownBy(() -> documents.open(MOTHER, d.id())).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> documents.metadata(MOTHER, d.id())).isInstanceOf(ForbiddenException.class);
  }

  @Test
  @DisplayName("a prescription falls under medications: consent to medical records does not open it")
  void categoriesAreDistinct() {
    HealthDocument rx = attach(MOTHER, MOTHER, DocumentType.PRESCRIPTION, SCAN);
    HealthDocument lab = attach(MOTHER, MOTHER, DocumentType.LAB_REPORT, "lab".getBytes(StandardCharsets.UTF_8));
    assertThat(rx.dataCategory()).isEqualTo("health.medications");
    f.share(MOTHER, MOTHER_BORN, FATHER, HEALTH_RECORDS);
    assertThatThrownBy(() -> documents.open(FATHER, rx.id())).isInstanceOf(ForbiddenException.class);
    assertThat(documents.list(FATHER, MOTHER, PageRequest.first(10)).items()).extracting(HealthDocument::id)
        .containsExactly(lab.id());
    f.share(MOTHER, MOTHER_BORN, FATHER, HEALTH_MEDICATIONS);
    assertThat(documents.list(FATHER, MOTHER, PageRequest.first(10)).items()).hasSize(2);
    assertThat(documents.list(MOTHER, MOTHER, PageRequest.first(10)).items()).hasSize(2);
  }

  @Test
  @DisplayName("bytes that no longer match the stored SHA-256 are refused on read")
  void integrity() {
    HealthDocument d = attach(FATHER, FATHER, DocumentType.LAB_REPORT, SCAN);
    store.corrupt.set(true);
    assertThatThrownBy(() -> documents.open(FATHER, d.id())).isInstanceOf(IntegrityException.class)
        .hasFieldOrPropertyWithValue("reason", "document.integrity");
  }

  @Test
  @DisplayName("a document kept in the host's object storage is referenced by URI with its hash and size")
  void external() {
    HealthDocument d = documents.attach(AttachDocument.builder(f.key(), MOTHER, SON).type(DocumentType.CHECKUP_REPORT)
        .documentDate(DATE).external(URI.create("https://oss.example.cn/docs/abc.jpg"), "image/jpeg",
            "ab".repeat(32), 2_048_000).build());
    assertThat(d.isExternal()).isTrue();
    assertThat(d.sha1()).isNull();
    assertThatThrownBy(() -> documents.open(MOTHER, d.id())).isInstanceOf(ForbiddenException.class);
    f.shareSonAsGuardian(Family4.people(MOTHER), HEALTH_RECORDS); // she consents for her 10-year-old
    assertThat(documents.open(MOTHER, d.id()).bytes()).isEmpty();
    assertThat(documents.open(MOTHER, d.id()).document().externalUri()).hasHost("oss.example.cn");
  }

  @Test
  @DisplayName("bad input is refused naming every field; size, type and actor are checked")
  void validation() {
    assertThatThrownBy(() -> documents.attach(AttachDocument.builder(f.key(), MOTHER, MOTHER).build()))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(v -> v.field())
            .contains("type", "documentDate", "mediaType", "content"));
    assertThatThrownBy(() -> documents.attach(AttachDocument.builder(f.key(), MOTHER, MOTHER)
        .type(DocumentType.OTHER).documentDate(DATE).content("application/x-msdownload", SCAN).build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("mediaType");
    Family4 small = new Family4(b -> b.documentMaxBytes(10));
    assertThatThrownBy(() -> small.records.documents().attach(AttachDocument.builder(small.key(), MOTHER, MOTHER)
        .type(DocumentType.OTHER).documentDate(DATE).content("image/png", SCAN).build()))
        .isInstanceOf(LimitExceededException.class);
    assertThatThrownBy(() -> attach(FATHER, MOTHER, DocumentType.OTHER, SCAN)).isInstanceOf(ForbiddenException.class);
  }

  @Test
  @DisplayName("attaching is idempotent under its key; erasing removes metadata and bytes")
  void idempotentAndErasable() {
    IdempotencyKey key = f.key();
    AttachDocument cmd = AttachDocument.builder(key, MOTHER, MOTHER).type(DocumentType.PRENATAL_RECORD)
        .documentDate(DATE).content("image/jpeg", SCAN).build();
    HealthDocument first = documents.attach(cmd);
    assertThat(documents.attach(cmd).id()).isEqualTo(first.id());
    assertThat(first.dataCategory()).isEqualTo("health.pregnancy");
    assertThat(documents.delete(new DeleteDocument(f.key(), MOTHER, first.id()))).isTrue();
    assertThat(store.inner.find(first.id())).isEmpty();
    assertThat(store.inner.readContent(first.id())).isEmpty();
  }
}
