package io.kinhealth.testkit.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.qa.ExpertListing;
import io.kinhealth.referral.qa.Question;
import io.kinhealth.referral.qa.QuestionId;
import io.kinhealth.referral.qa.QuestionKind;
import io.kinhealth.referral.qa.QuestionState;
import io.kinhealth.referral.spi.QuestionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link QuestionStore} (see its javadoc): questions stored once by id and updated only on their
 * version (so of two staff grabbing a question at once, one wins), open and due questions paged in order, experts
 * listed by department. Extend it and supply a fresh, empty store.
 */
public abstract class QuestionStoreContractKit {
  protected abstract QuestionStore createStore();

  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
  static final PartyId ASKER = PartyId.of("patient-1");

  private QuestionStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  static Question crowd(String id, Instant askedAt) {
    return new Question(QuestionId.of(id), ASKER, QuestionKind.CROWD, null, null, Money.ofYuan(50), "wechat",
        Map.of(), QuestionState.OPEN, null, null, null, null, askedAt, askedAt.plus(Duration.ofHours(48)), null, 0);
  }

  static Question expert(String id, Instant askedAt) {
    return new Question(QuestionId.of(id), ASKER, QuestionKind.EXPERT, PartyId.of("dr-wang"), "cardiology",
        Money.ofYuan(30), "wechat", Map.of(), QuestionState.OPEN, null, null, null, null, askedAt,
        askedAt.plus(Duration.ofHours(24)), null, 0);
  }

  @Nested
  @DisplayName("questions")
  class Questions {
    @Test
    @DisplayName("a question is stored once by id; the same again returns it, another conflicts")
    void insert() {
      Question q = crowd("q1", T0);
      assertThat(store.insertQuestion(q)).isEqualTo(q);
      assertThat(store.insertQuestion(q)).isEqualTo(q);
      assertThatThrownBy(() -> store.insertQuestion(crowd("q1", T0.plusSeconds(1))))
          .isInstanceOf(IdempotencyConflictException.class);
      assertThat(store.findQuestion(q.id())).contains(q);
    }

    @Test
    @DisplayName("of two grabs made on the same version, only the first is stored")
    void grabRace() {
      Question q = store.insertQuestion(crowd("q1", T0));
      store.updateQuestion(q.grabbedBy(PartyId.of("nurse-a"), T0.plusSeconds(60)), 0);
      assertThatThrownBy(() -> store.updateQuestion(q.grabbedBy(PartyId.of("nurse-b"), T0.plusSeconds(60)), 0))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.version_conflict"));
      assertThat(store.findQuestion(q.id()).orElseThrow().grabbedBy()).isEqualTo(PartyId.of("nurse-a"));
    }

    @Test
    @DisplayName("open crowd questions page by time asked; answered ones and expert questions are not open")
    void open() {
      store.insertQuestion(crowd("q3", T0.plusSeconds(3)));
      store.insertQuestion(crowd("q1", T0.plusSeconds(1)));
      Question q2 = store.insertQuestion(crowd("q2", T0.plusSeconds(2)));
      store.insertQuestion(expert("e1", T0));
      Question grabbed = q2.grabbedBy(PartyId.of("nurse-a"), T0.plusSeconds(100));
      store.updateQuestion(grabbed, 0);
      assertThat(Pages.all(store::openQuestions, 2)).extracting(q -> q.id().value())
          .containsExactly("q1", "q2", "q3");
      store.updateQuestion(grabbed.answeredBy(PartyId.of("nurse-a"), "ans-1", T0.plusSeconds(5)), 1);
      assertThat(Pages.all(store::openQuestions, 2)).extracting(q -> q.id().value()).containsExactly("q1", "q3");
    }

    @Test
    @DisplayName("due questions are those not final past their deadline, by deadline; closed ones are not due")
    void due() {
      Question e1 = store.insertQuestion(expert("e1", T0));
      store.insertQuestion(crowd("q1", T0));
      store.insertQuestion(crowd("q2", T0.plus(Duration.ofDays(5))));
      Instant at = T0.plus(Duration.ofHours(48));
      assertThat(Pages.all(p -> store.questionsDue(at, p), 1)).extracting(q -> q.id().value())
          .containsExactly("e1", "q1");
      store.updateQuestion(e1.refunded(at), 0);
      assertThat(Pages.all(p -> store.questionsDue(at, p), 1)).extracting(q -> q.id().value())
          .containsExactly("q1");
    }

    @Test
    @DisplayName("a rolled-back transaction leaves no question behind")
    void rollback() {
      assertThatThrownBy(() -> transactionRunner().execute(() -> {
        store.insertQuestion(crowd("q1", T0));
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(store.findQuestion(QuestionId.of("q1"))).isEmpty();
      assertThat(Pages.all(store::openQuestions, 2)).isEmpty();
    }
  }

  @Nested
  @DisplayName("experts")
  class Experts {
    @Test
    @DisplayName("a listing is saved on its version; a department lists its experts by id")
    void listings() {
      ExpertListing wang = new ExpertListing(PartyId.of("dr-wang"), "cardiology", Money.ofYuan(30), true, 1);
      ExpertListing chen = new ExpertListing(PartyId.of("dr-chen"), "cardiology", Money.ofYuan(50), true, 1);
      store.saveExpert(wang, 0);
      store.saveExpert(chen, 0);
      assertThatThrownBy(() -> store.saveExpert(wang, 0)).isInstanceOf(ConflictException.class);
      assertThat(Pages.all(p -> store.expertsIn("cardiology", p), 1)).extracting(e -> e.expert().value())
          .containsExactly("dr-chen", "dr-wang");
      ExpertListing moved = new ExpertListing(wang.expert(), "pediatrics", Money.ofYuan(40), true, 2);
      store.saveExpert(moved, 1);
      assertThat(store.findExpert(wang.expert())).contains(moved);
      assertThat(Pages.all(p -> store.expertsIn("cardiology", p), 5)).extracting(e -> e.expert().value())
          .containsExactly("dr-chen");
      assertThat(Pages.all(p -> store.expertsIn("pediatrics", p), 5)).containsExactly(moved);
    }
  }
}
