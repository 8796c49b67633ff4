package io.kinhealth.family.spi;

import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Stores observations: append-only (a reading is never changed; duplicates are resolved at read time and kept as
 * provenance), read by member, type and time range.
 *
 * <p>Contract (checked by {@code ObservationStoreContractKit} in kinhealth-testkit):
 * <ul>
 *   <li>{@link #append} is idempotent per key: the same key with an equal observation returns the first stored one;
 *       with a different observation it throws {@link io.kinhealth.core.error.IdempotencyConflictException}. An
 *       observation id is stored once ({@link io.kinhealth.core.error.ConflictException} for another observation
 *       under the same id). {@link #appendAll} is all or nothing; {@link #appendEach} reports each append's
 *       outcome (stored, already stored, key conflict) instead of throwing on a conflict;
 *   <li>{@link #findRange} returns one member's observations of one type with {@code from <= effectiveAt < to},
 *       ordered by effective time then id, a page at a time; the cursor is opaque and stable while others append
 *       (a reading appended behind the cursor is not returned, none is returned twice);
 *   <li>{@link #latest} returns the member's most recent observations of a type (time then id, descending);
 *   <li>writes join the caller's {@link io.kinhealth.core.spi.TransactionRunner} transaction.
 * </ul>
 * A JDBC implementation maps this to a table indexed on (subject, type, effective_at, id) and keyset pagination.
 */
public interface ObservationStore {

  /** One observation to append with its idempotency key. */
  record Append(IdempotencyKey key, Observation observation) {}

  Observation append(IdempotencyKey key, Observation observation);

  /** Appends several observations, all or nothing; returns what is stored under each key, in order. */
  default List<Observation> appendAll(List<Append> appends) {
    List<Observation> out = new ArrayList<>(appends.size());
    for (Append a : appends) {
      out.add(append(a.key(), a.observation()));
    }
    return out;
  }

  /** What one append of {@link #appendEach} did. */
  enum Outcome {
    /** Stored now. */
    STORED,
    /** The key was used before with an equal observation (compared by {@link Observation#content()}): nothing new. */
    ALREADY_STORED,
    /** The key was used before with a different observation: refused, nothing stored. */
    KEY_CONFLICT
  }

  /**
   * Appends a batch in which every append stands on its own idempotency key, and reports what each did, in order.
   * Unlike {@link #appendAll}, a key conflict is an outcome, not an exception: the other appends are still stored
   * (an import stores what it can and reports the rest). Within one batch a key used twice behaves as two
   * consecutive {@link #append} calls. Any exception (an id already taken by another observation) means the batch
   * failed: joins the caller's transaction, whose rollback undoes what the batch stored.
   *
   * <p>The default calls {@link #append} once per row and counts a row as stored when {@code append} returned the
   * instance it was given (as a store returns a fresh append). A store should override it to write the batch in one
   * go: one round trip or statement, one undo record.
   */
  default List<Outcome> appendEach(List<Append> appends) {
    Outcome[] out = new Outcome[appends.size()];
    for (int i = 0; i < out.length; i++) {
      Append a = appends.get(i);
      try {
        out[i] = append(a.key(), a.observation()) == a.observation() ? Outcome.STORED : Outcome.ALREADY_STORED;
      } catch (io.kinhealth.core.error.IdempotencyConflictException e) {
        out[i] = Outcome.KEY_CONFLICT;
      }
    }
    return java.util.Arrays.asList(out);
  }

  Optional<Observation> find(ObservationId id);

  Page<Observation> findRange(PersonId subject, String type, Instant from, Instant to, PageRequest page);

  /** The {@code limit} most recent observations of a type, newest first. */
  List<Observation> latest(PersonId subject, String type, int limit);

  /** Streams a range lazily, page by page, so no call needs a member's whole history in memory. */
  default Stream<Observation> stream(PersonId subject, String type, Instant from, Instant to, int pageSize) {
    Iterator<Observation> it = new Iterator<>() {
      private Page<Observation> page = findRange(subject, type, from, to, PageRequest.first(pageSize));
      private int index;

      @Override
      public boolean hasNext() {
        while (index >= page.items().size() && page.hasNext()) {
          page = findRange(subject, type, from, to, new PageRequest(page.nextCursor(), pageSize));
          index = 0;
        }
        return index < page.items().size();
      }

      @Override
      public Observation next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.items().get(index++);
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
  }
}
