package io.kinhealth.family.memory;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.IdempotencyTable;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.document.DocumentId;
import io.kinhealth.family.document.HealthDocument;
import io.kinhealth.family.spi.DocumentStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded default {@link DocumentStore}: metadata and bytes in maps. Thread-safe (operations are serialised);
 * writes inside an {@link InMemoryTransactionRunner} transaction are undone if it rolls back. Holds every byte in the
 * heap, so it suits tests and small deployments. Not durable.
 */
public final class InMemoryDocumentStore implements DocumentStore {
  private static final Comparator<HealthDocument> ORDER = Comparator.comparing(HealthDocument::documentDate)
      .reversed().thenComparing(d -> d.id().value());

  private record Deletion(DocumentId id) {}

  private final Map<DocumentId, HealthDocument> documents = new HashMap<>();
  private final Map<DocumentId, byte[]> contents = new HashMap<>();
  private final IdempotencyTable<HealthDocument> saves = new IdempotencyTable<>();
  private final IdempotencyTable<Boolean> deletions = new IdempotencyTable<>();

  @Override
  public synchronized HealthDocument save(IdempotencyKey key, HealthDocument document, byte[] bytes) {
    Check.notNull(document, "document");
    Check.that(document.isExternal() == (bytes == null), "bytes", "document.bytes",
        "bytes are given exactly when the document is not held at an external URI");
    return saves.apply(key, document.content(), () -> {
      if (documents.containsKey(document.id())) {
        throw new ConflictException("document.id_taken", "id", "a document with this id exists");
      }
      documents.put(document.id(), document);
      if (bytes != null) {
        contents.put(document.id(), bytes.clone());
      }
      InMemoryTransactionRunner.recordUndo(() -> erase(document.id()));
      return document;
    });
  }

  private synchronized boolean erase(DocumentId id) {
    contents.remove(id);
    return documents.remove(id) != null;
  }

  @Override
  public synchronized Optional<HealthDocument> find(DocumentId id) {
    return Optional.ofNullable(documents.get(Check.notNull(id, "id")));
  }

  @Override
  public synchronized Optional<byte[]> readContent(DocumentId id) {
    byte[] b = contents.get(Check.notNull(id, "id"));
    return b == null ? Optional.empty() : Optional.of(b.clone());
  }

  @Override
  public synchronized Page<HealthDocument> documentsOf(PersonId subject, PageRequest page) {
    Check.notNull(subject, "subject");
    Check.notNull(page, "page");
    List<HealthDocument> all = documents.values().stream().filter(d -> d.subject().equals(subject)).sorted(ORDER)
        .toList();
    List<HealthDocument> rest = all;
    if (page.cursor() != null) {
      int bar = page.cursor().indexOf('|');
      java.time.LocalDate date;
      String id;
      try {
        date = java.time.LocalDate.parse(page.cursor().substring(0, bar));
        id = page.cursor().substring(bar + 1);
      } catch (RuntimeException e) {
        throw new ValidationException("cursor", "page.cursor_invalid", "the cursor was not issued by this store");
      }
      // keyset: strictly after (date descending, id ascending)
      rest = all.stream().filter(d -> d.documentDate().isBefore(date)
          || (d.documentDate().equals(date) && d.id().value().compareTo(id) > 0)).toList();
    }
    List<HealthDocument> items = rest.subList(0, Math.min(rest.size(), page.limit()));
    String next = items.size() < rest.size() ? cursor(items.get(items.size() - 1)) : null;
    return new Page<>(items, next);
  }

  private static String cursor(HealthDocument d) {
    return d.documentDate() + "|" + d.id().value();
  }

  @Override
  public synchronized boolean delete(IdempotencyKey key, DocumentId id) {
    Check.notNull(id, "id");
    return deletions.apply(key, new Deletion(id), () -> {
      HealthDocument d = documents.get(id);
      byte[] b = contents.get(id);
      boolean removed = erase(id);
      if (removed) {
        InMemoryTransactionRunner.recordUndo(() -> restore(d, b));
      }
      return removed;
    });
  }

  private synchronized void restore(HealthDocument d, byte[] b) {
    documents.put(d.id(), d);
    if (b != null) {
      contents.put(d.id(), b);
    }
  }
}
