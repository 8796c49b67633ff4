package io.kinhealth.testkit.family;

import static io.kinhealth.testkit.family.FamilySamples.MEMBER;
import static io.kinhealth.testkit.family.FamilySamples.OWNER;
import static io.kinhealth.testkit.family.FamilySamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.model.Zones;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.family.graph.Family;
import io.kinhealth.family.graph.Invitation;
import io.kinhealth.family.graph.InvitationStatus;
import io.kinhealth.family.graph.MemberProfile;
import io.kinhealth.family.graph.Membership;
import io.kinhealth.family.spi.FamilyStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link FamilyStore} (see its javadoc): idempotent writes keyed by the caller with a request
 * digest, optimistic concurrency by version, the membership index, paged invitations, and writes that roll back with
 * their transaction. Extend it and supply a fresh, empty store (and, for a durable store, its transaction runner).
 */
public abstract class FamilyStoreContractKit {
  protected abstract FamilyStore createStore();

  /** The transaction runner the store takes part in; the in-memory one by default. */
  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  private FamilyStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  private static IdempotencyKey key() {
    return IdempotencyKey.of("kit-" + FamilySamples.newId());
  }

  @Nested
  @DisplayName("families")
  class Families {
    @Test
    @DisplayName("a created family is stored at version 1 and found by id")
    void create() {
      Family f = FamilySamples.family(OWNER, MEMBER);
      Family stored = store.createFamily(key(), "d1", f);
      assertThat(stored.version()).isEqualTo(1);
      assertThat(store.findFamily(f.id())).contains(stored);
      assertThat(stored.activeMembers()).containsExactly(OWNER, MEMBER);
    }

    @Test
    @DisplayName("the same key and digest returns the first result; another digest is an idempotency conflict")
    void idempotentCreate() {
      Family f = FamilySamples.family(OWNER, MEMBER);
      IdempotencyKey k = key();
      Family first = store.createFamily(k, "d1", f);
      assertThat(store.createFamily(k, "d1", f)).isEqualTo(first);
      assertThatThrownBy(() -> store.createFamily(k, "d2", FamilySamples.family(OWNER, MEMBER)))
          .isInstanceOf(IdempotencyConflictException.class);
      assertThat(store.findWrite(k)).hasValueSatisfying(w -> {
        assertThat(w.requestDigest()).isEqualTo("d1");
        assertThat(w.resultId()).isEqualTo(f.id().value());
      });
      assertThat(store.findWrite(key())).isEmpty();
    }

    @Test
    @DisplayName("creating an existing id is a conflict")
    void duplicateId() {
      Family f = FamilySamples.family(OWNER, MEMBER);
      store.createFamily(key(), "d1", f);
      assertThatThrownBy(() -> store.createFamily(key(), "d2", f)).isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("an update at the read version stores the next version; a stale one is a version conflict")
    void optimisticConcurrency() {
      Family stored = store.createFamily(key(), "d1", FamilySamples.family(OWNER, MEMBER));
      Family next = store.updateFamily(key(), "d2", stored.withoutMember(MEMBER, Membership.EndReason.LEFT,
          T0.plusSeconds(60), LocalDate.of(2026, 11, 25)), stored.version());
      assertThat(next.version()).isEqualTo(2);
      assertThat(store.findFamily(stored.id()).orElseThrow().isActiveMember(MEMBER)).isFalse();
      assertThatThrownBy(() -> store.updateFamily(key(), "d3", stored, stored.version()))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason())
              .isEqualTo("family.version_conflict"));
      assertThatThrownBy(() -> store.updateFamily(key(), "d4", FamilySamples.family(OWNER, MEMBER), 1))
          .isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a replayed update returns its first result even after the family moved on")
    void idempotentUpdate() {
      Family stored = store.createFamily(key(), "d1", FamilySamples.family(OWNER, MEMBER));
      IdempotencyKey k = key();
      Family updated = store.updateFamily(k, "u1", stored.withRole(MEMBER,
          io.kinhealth.family.graph.MemberRole.MANAGER, T0), 1);
      assertThat(store.updateFamily(k, "u1", stored, 1)).isEqualTo(updated);
      assertThat(store.findFamily(stored.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    @DisplayName("familiesOf lists the families a person is an active member of, by id")
    void membershipIndex() {
      Family a = store.createFamily(key(), "a", FamilySamples.family(OWNER, MEMBER));
      Family b = store.createFamily(key(), "b", FamilySamples.family(MEMBER, PersonId.of("kit-other")));
      assertThat(store.familiesOf(MEMBER)).containsExactlyInAnyOrder(a.id(), b.id());
      assertThat(store.familiesOf(MEMBER)).isSortedAccordingTo(java.util.Comparator.comparing(
          io.kinhealth.family.graph.FamilyId::value));
      store.updateFamily(key(), "leave", a.withoutMember(MEMBER, Membership.EndReason.LEFT, T0,
          LocalDate.of(2026, 11, 25)), a.version());
      assertThat(store.familiesOf(MEMBER)).containsExactly(b.id());
      assertThat(store.familiesOf(PersonId.of("kit-nobody"))).isEmpty();
    }

    @Test
    @DisplayName("writes inside a transaction that fails leave nothing behind, not even the idempotency key")
    void rollback() {
      TransactionRunner tx = transactionRunner();
      Family f = FamilySamples.family(OWNER, MEMBER);
      IdempotencyKey k = key();
      assertThatThrownBy(() -> tx.execute(() -> {
        store.createFamily(k, "d1", f);
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(store.findFamily(f.id())).isEmpty();
      assertThat(store.findWrite(k)).isEmpty();
      assertThat(store.createFamily(k, "d2", f).version()).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("invitations")
  class Invitations {
    @Test
    @DisplayName("an invitation is stored at version 1 and changes under optimistic concurrency")
    void versions() {
      Family f = store.createFamily(key(), "f", FamilySamples.family(OWNER, MEMBER));
      Invitation inv = store.saveInvitation(key(), "i1", FamilySamples.invitation(f.id(), PersonId.of("kit-new"), T0),
          0);
      assertThat(inv.version()).isEqualTo(1);
      Invitation accepted = store.saveInvitation(key(), "i2", inv.responded(InvitationStatus.ACCEPTED, T0), 1);
      assertThat(accepted.version()).isEqualTo(2);
      assertThat(store.findInvitation(inv.id())).contains(accepted);
      assertThatThrownBy(() -> store.saveInvitation(key(), "i3", inv.responded(InvitationStatus.DECLINED, T0), 1))
          .isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("an invitee's invitations are read newest first, a page at a time, each exactly once")
    void paging() {
      Family f = store.createFamily(key(), "f", FamilySamples.family(OWNER, MEMBER));
      PersonId invitee = PersonId.of("kit-invitee");
      List<Invitation> saved = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        saved.add(store.saveInvitation(key(), "i" + i, FamilySamples.invitation(f.id(), invitee,
            T0.plusSeconds(i * 60L)), 0));
      }
      store.saveInvitation(key(), "other", FamilySamples.invitation(f.id(), PersonId.of("kit-else"), T0), 0);
      List<Invitation> read = new ArrayList<>();
      Page<Invitation> page = store.invitationsFor(invitee, PageRequest.first(3));
      read.addAll(page.items());
      while (page.hasNext()) {
        page = store.invitationsFor(invitee, PageRequest.first(3).next(page));
        read.addAll(page.items());
      }
      assertThat(read).hasSize(7);
      assertThat(read.get(0)).isEqualTo(saved.get(6));
      assertThat(read.get(6)).isEqualTo(saved.get(0));
    }
  }

  @Nested
  @DisplayName("profiles")
  class Profiles {
    @Test
    @DisplayName("a profile is stored, found and updated at its version")
    void profiles() {
      PersonId p = PersonId.of("kit-profiled");
      MemberProfile first = store.saveProfile(key(), "p1", MemberProfile.of(p, LocalDate.of(2015, 1, 2), Zones.CHINA),
          0);
      assertThat(first.version()).isEqualTo(1);
      MemberProfile moved = store.saveProfile(key(), "p2", MemberProfile.of(p, LocalDate.of(2015, 1, 2),
          java.time.ZoneId.of("America/New_York")), 1);
      assertThat(store.findProfile(p)).contains(moved);
      assertThatThrownBy(() -> store.saveProfile(key(), "p3", MemberProfile.of(p, null, null), 1))
          .isInstanceOf(ConflictException.class);
      assertThat(store.findProfile(PersonId.of("kit-unknown"))).isEmpty();
    }
  }
}
