package io.kinhealth.family.memory;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.graph.Family;
import io.kinhealth.family.graph.FamilyId;
import io.kinhealth.family.graph.Invitation;
import io.kinhealth.family.graph.InvitationId;
import io.kinhealth.family.graph.MemberProfile;
import io.kinhealth.family.spi.FamilyStore;
import io.kinhealth.family.spi.StoredWrite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The embedded default {@link FamilyStore}. Thread-safe (every operation is serialised: family writes are rare);
 * writes made inside an {@link InMemoryTransactionRunner} transaction are undone if it rolls back. Not durable.
 */
public final class InMemoryFamilyStore implements FamilyStore {
  private record Remembered(StoredWrite write, Object result) {}

  private final Map<FamilyId, Family> families = new HashMap<>();
  private final Map<InvitationId, Invitation> invitations = new HashMap<>();
  private final Map<PersonId, MemberProfile> profiles = new HashMap<>();
  private final Map<IdempotencyKey, Remembered> writes = new HashMap<>();

  @SuppressWarnings("unchecked")
  private synchronized <T> T once(IdempotencyKey key, String digest, Supplier<T> write, String resultId) {
    Check.notNull(key, "idempotencyKey");
    Check.notBlank(digest, "requestDigest");
    Remembered prior = writes.get(key);
    if (prior != null) {
      if (!prior.write().requestDigest().equals(digest)) {
        throw new IdempotencyConflictException("idempotency.payload_mismatch", "idempotencyKey",
            "this idempotency key was first used with a different request");
      }
      return (T) prior.result();
    }
    T result = write.get();
    writes.put(key, new Remembered(new StoredWrite(digest, resultId), result));
    InMemoryTransactionRunner.recordUndo(() -> forget(key));
    return result;
  }

  private synchronized void forget(IdempotencyKey key) {
    writes.remove(key);
  }

  @Override
  public Family createFamily(IdempotencyKey key, String requestDigest, Family family) {
    Check.notNull(family, "family");
    return once(key, requestDigest, () -> {
      if (families.containsKey(family.id())) {
        throw new ConflictException("family.exists", "id", "a family with this id exists");
      }
      Family stored = family.withVersion(1);
      families.put(family.id(), stored);
      InMemoryTransactionRunner.recordUndo(() -> restore(families, family.id(), null));
      return stored;
    }, family.id().value());
  }

  @Override
  public Family updateFamily(IdempotencyKey key, String requestDigest, Family family, long expectedVersion) {
    Check.notNull(family, "family");
    return once(key, requestDigest, () -> {
      Family current = families.get(family.id());
      if (current == null) {
        throw new NotFoundException("family.not_found", "id", "no such family");
      }
      if (current.version() != expectedVersion) {
        throw new ConflictException("family.version_conflict", "version",
            "the family changed since it was read; read it again and retry");
      }
      Family stored = family.withVersion(expectedVersion + 1);
      families.put(family.id(), stored);
      InMemoryTransactionRunner.recordUndo(() -> restore(families, family.id(), current));
      return stored;
    }, family.id().value());
  }

  private synchronized <K, V> void restore(Map<K, V> map, K key, V previous) {
    if (previous == null) {
      map.remove(key);
    } else {
      map.put(key, previous);
    }
  }

  @Override
  public synchronized Optional<Family> findFamily(FamilyId id) {
    return Optional.ofNullable(families.get(Check.notNull(id, "id")));
  }

  @Override
  public synchronized List<FamilyId> familiesOf(PersonId person) {
    Check.notNull(person, "person");
    List<FamilyId> out = new ArrayList<>();
    for (Family f : families.values()) {
      if (f.isActiveMember(person)) {
        out.add(f.id());
      }
    }
    out.sort(Comparator.comparing(FamilyId::value));
    return out;
  }

  @Override
  public Invitation saveInvitation(IdempotencyKey key, String requestDigest, Invitation invitation,
      long expectedVersion) {
    Check.notNull(invitation, "invitation");
    return once(key, requestDigest, () -> {
      Invitation current = invitations.get(invitation.id());
      long stored = current == null ? 0 : current.version();
      if (stored != expectedVersion) {
        throw new ConflictException("invitation.version_conflict", "version",
            current == null ? "no such invitation" : "the invitation changed since it was read");
      }
      Invitation next = invitation.withVersion(expectedVersion + 1);
      invitations.put(invitation.id(), next);
      InMemoryTransactionRunner.recordUndo(() -> restore(invitations, invitation.id(), current));
      return next;
    }, invitation.id().value());
  }

  @Override
  public synchronized Optional<Invitation> findInvitation(InvitationId id) {
    return Optional.ofNullable(invitations.get(Check.notNull(id, "id")));
  }

  @Override
  public synchronized Page<Invitation> invitationsFor(PersonId invitee, PageRequest page) {
    Check.notNull(invitee, "invitee");
    Check.notNull(page, "page");
    List<Invitation> all = new ArrayList<>();
    for (Invitation i : invitations.values()) {
      if (i.invitee().equals(invitee)) {
        all.add(i);
      }
    }
    all.sort(Comparator.comparing(Invitation::createdAt).thenComparing(i -> i.id().value()).reversed());
    int start = 0;
    if (page.cursor() != null) {
      start = -1;
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).id().value().equals(page.cursor())) {
          start = i + 1;
          break;
        }
      }
      Check.that(start >= 0, "cursor", "page.cursor_invalid", "the cursor was not issued by this store");
    }
    int end = Math.min(all.size(), start + page.limit());
    List<Invitation> items = all.subList(start, end);
    return new Page<>(items, end < all.size() ? items.get(items.size() - 1).id().value() : null);
  }

  @Override
  public MemberProfile saveProfile(IdempotencyKey key, String requestDigest, MemberProfile profile,
      long expectedVersion) {
    Check.notNull(profile, "profile");
    return once(key, requestDigest, () -> {
      MemberProfile current = profiles.get(profile.person());
      long stored = current == null ? 0 : current.version();
      if (stored != expectedVersion) {
        throw new ConflictException("profile.version_conflict", "version", "the profile changed since it was read");
      }
      MemberProfile next = profile.withVersion(expectedVersion + 1);
      profiles.put(profile.person(), next);
      InMemoryTransactionRunner.recordUndo(() -> restore(profiles, profile.person(), current));
      return next;
    }, profile.person().value());
  }

  @Override
  public synchronized Optional<MemberProfile> findProfile(PersonId person) {
    return Optional.ofNullable(profiles.get(Check.notNull(person, "person")));
  }

  @Override
  public synchronized Optional<StoredWrite> findWrite(IdempotencyKey key) {
    Remembered r = writes.get(Check.notNull(key, "idempotencyKey"));
    return r == null ? Optional.empty() : Optional.of(r.write());
  }
}
