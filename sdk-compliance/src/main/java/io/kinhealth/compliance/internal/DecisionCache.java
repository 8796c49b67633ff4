package io.kinhealth.compliance.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kinhealth.compliance.ConsentDecision;
import io.kinhealth.compliance.DecisionRequest;
import io.kinhealth.core.id.PersonId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decisions cached per subject, dropped by events rather than by a TTL.
 *
 * <p>Two levels: a bounded Caffeine cache of subjects, each holding a small map of that subject's decisions.
 * Invalidating a subject removes its whole holder, so a withdrawal needs no scan. A decision computed from state
 * read before an invalidation lands in the detached holder, never in the new one, because callers take the holder
 * before reading the stores. Entries also carry a validity limit (a consent's expiry, a 14th birthday) checked
 * against the clock on every hit. Not API.
 */
public final class DecisionCache {
  /** The decisions of one subject. */
  public static final class Holder {
    private final ConcurrentHashMap<DecisionRequest, Entry> entries = new ConcurrentHashMap<>(8);
  }

  private record Entry(ConsentDecision decision, long validUntilMillis) {}

  private final Cache<PersonId, Holder> subjects;
  private final int maxPerSubject;

  public DecisionCache(long maximumSubjects, int maxPerSubject) {
    this.subjects = maximumSubjects <= 0 ? null : Caffeine.newBuilder().maximumSize(maximumSubjects).build();
    this.maxPerSubject = maxPerSubject;
  }

  public boolean enabled() {
    return subjects != null;
  }

  /** The cached decision if present and still valid at {@code nowMillis}, else null. */
  public ConsentDecision get(DecisionRequest request, long nowMillis) {
    if (subjects == null) {
      return null;
    }
    Holder h = subjects.getIfPresent(request.subject().id());
    if (h == null) {
      return null;
    }
    Entry e = h.entries.get(request);
    if (e == null) {
      return null;
    }
    if (nowMillis >= e.validUntilMillis) {
      h.entries.remove(request, e);
      return null;
    }
    return e.decision;
  }

  /** The holder to put a decision into; take it before reading the stores. */
  public Holder holder(PersonId subject) {
    return subjects == null ? null : subjects.get(subject, k -> new Holder());
  }

  public void put(Holder holder, DecisionRequest request, ConsentDecision decision, long validUntilMillis) {
    if (holder == null) {
      return;
    }
    if (holder.entries.size() >= maxPerSubject) {
      holder.entries.clear(); // a subject asked about in many shapes: start over rather than grow unbounded
    }
    holder.entries.put(request, new Entry(decision, validUntilMillis));
  }

  public void invalidate(PersonId subject) {
    if (subjects != null) {
      subjects.invalidate(subject);
    }
  }

  public void invalidateAll() {
    if (subjects != null) {
      subjects.invalidateAll();
    }
  }

  /** How many subjects have cached decisions (approximate). */
  public long subjectCount() {
    return subjects == null ? 0 : subjects.estimatedSize();
  }
}
