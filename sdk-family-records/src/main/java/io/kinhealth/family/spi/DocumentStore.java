package io.kinhealth.family.spi;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.family.document.DocumentId;
import io.kinhealth.family.document.HealthDocument;
import java.util.Optional;

/**
 * Stores health documents: metadata and, unless the document lives at an external URI, its bytes.
 *
 * <p>Contract (checked by {@code DocumentStoreContractKit} in kinhealth-testkit):
 * <ul>
 *   <li>{@link #save} is idempotent per key, compared by {@link HealthDocument#content()}: the same key with equal
 *       content returns the first stored document (its id), another content throws
 *       {@link io.kinhealth.core.error.IdempotencyConflictException}; an id is stored once
 *       ({@link io.kinhealth.core.error.ConflictException}); {@code bytes} are required exactly when the document is
 *       not external, and are stored as given (the caller has checked size and hash);
 *   <li>{@link #readContent} returns exactly the bytes saved (a copy) for a stored, non-external document;
 *   <li>{@link #documentsOf} pages through a member's documents, latest document date first, then id;
 *   <li>{@link #delete} erases metadata and bytes, is idempotent per key and tells whether it removed one;
 *   <li>a write that throws leaves nothing behind; writes join the caller's transaction.
 * </ul>
 * A JDBC implementation keeps metadata in a table and bytes in a BLOB column or an object store keyed by id.
 */
public interface DocumentStore {

  HealthDocument save(IdempotencyKey key, HealthDocument document, byte[] bytes);

  Optional<HealthDocument> find(DocumentId id);

  Optional<byte[]> readContent(DocumentId id);

  Page<HealthDocument> documentsOf(PersonId subject, PageRequest page);

  boolean delete(IdempotencyKey key, DocumentId id);
}
