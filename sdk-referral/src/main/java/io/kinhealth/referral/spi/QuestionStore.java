package io.kinhealth.referral.spi;

import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.qa.ExpertListing;
import io.kinhealth.referral.qa.Question;
import io.kinhealth.referral.qa.QuestionId;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the paid Q&A desk keeps questions and expert listings. Money lives in the {@link LedgerStore}. The embedded
 * default is {@code io.kinhealth.referral.memory.InMemoryQuestionStore}.
 *
 * <p>Contract (checked by {@code QuestionStoreContractKit} in kinhealth-testkit): inserts are idempotent by id (an
 * equal value returns what is stored, another throws {@code IdempotencyConflictException}); updates and saves apply
 * only on the expected version, one version up, else throw {@code ConflictException} (reason
 * {@code referral.version_conflict}) and change nothing — so of two staff grabbing one question at once exactly one
 * wins; range reads page in the documented order. Methods added later will be {@code default} methods.
 */
public interface QuestionStore {

  Optional<Question> findQuestion(QuestionId id);

  /** Keyed by question id (version 0). */
  Question insertQuestion(Question question);

  void updateQuestion(Question next, long expectedVersion);

  /** Crowd questions open to grabbing or held by a grab (which may have lapsed), by time asked then id. */
  Page<Question> openQuestions(PageRequest page);

  /** Questions not yet accepted or refunded whose deadline is at or before {@code at}, by deadline then id. */
  Page<Question> questionsDue(Instant at, PageRequest page);

  Optional<ExpertListing> findExpert(PartyId expert);

  /** Stores an expert's listing; {@code expectedVersion} 0 when none is stored. */
  void saveExpert(ExpertListing next, long expectedVersion);

  /** The experts listed in a department, by expert id. */
  Page<ExpertListing> expertsIn(String department, PageRequest page);
}
