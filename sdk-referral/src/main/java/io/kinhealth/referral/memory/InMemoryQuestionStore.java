package io.kinhealth.referral.memory;

import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.qa.ExpertListing;
import io.kinhealth.referral.qa.Question;
import io.kinhealth.referral.qa.QuestionId;
import io.kinhealth.referral.qa.QuestionKind;
import io.kinhealth.referral.qa.QuestionState;
import io.kinhealth.referral.spi.QuestionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The embedded default {@link QuestionStore}: everything in memory, not durable. Every write records its undo with
 * the in-memory transaction runner. Thread-safe (one monitor).
 */
public final class InMemoryQuestionStore implements QuestionStore {
  private static final String PREFIX = "referral";

  private final Map<QuestionId, Question> questions = new HashMap<>();
  private final TreeSet<TimeKey> open = new TreeSet<>();
  private final TreeSet<TimeKey> due = new TreeSet<>();
  private final Map<PartyId, ExpertListing> experts = new HashMap<>();
  private final Map<String, TreeMap<String, PartyId>> byDepartment = new HashMap<>();

  @Override
  public synchronized Optional<Question> findQuestion(QuestionId id) {
    return Optional.ofNullable(questions.get(Check.notNull(id, "id")));
  }

  @Override
  public synchronized Question insertQuestion(Question question) {
    Check.notNull(question, "question");
    return VersionedRows.insertIndexed(this, questions, question.id(), question, Question::version, "question",
        this::index, this::unindex);
  }

  @Override
  public synchronized void updateQuestion(Question next, long expectedVersion) {
    Check.notNull(next, "next");
    VersionedRows.replaceIndexed(this, questions, next.id(), next, Question::version, expectedVersion, "question",
        this::index, this::unindex);
  }

  private void index(Question q) {
    if (q.kind() == QuestionKind.CROWD
        && (q.state() == QuestionState.OPEN || q.state() == QuestionState.GRABBED)) {
      open.add(new TimeKey(q.askedAt(), q.id().value()));
    }
    if (!q.state().isFinal()) {
      due.add(new TimeKey(q.deadline(), q.id().value()));
    }
  }

  private void unindex(Question q) {
    open.remove(new TimeKey(q.askedAt(), q.id().value()));
    due.remove(new TimeKey(q.deadline(), q.id().value()));
  }

  @Override
  public synchronized Page<Question> openQuestions(PageRequest page) {
    Check.notNull(page, "page");
    return TimeKey.page(open, page, null, k -> questions.get(QuestionId.of(k.id())));
  }

  @Override
  public synchronized Page<Question> questionsDue(Instant at, PageRequest page) {
    Check.notNull(at, "at");
    Check.notNull(page, "page");
    return TimeKey.page(due, page, at, k -> questions.get(QuestionId.of(k.id())));
  }

  @Override
  public synchronized Optional<ExpertListing> findExpert(PartyId expert) {
    return Optional.ofNullable(experts.get(Check.notNull(expert, "expert")));
  }

  @Override
  public synchronized void saveExpert(ExpertListing next, long expectedVersion) {
    Check.notNull(next, "next");
    ExpertListing current = experts.get(next.expert());
    VersionedRows.save(this, experts, next.expert(), next, ExpertListing::version, expectedVersion, PREFIX);
    if (current != null) {
      byDepartment.get(current.department()).remove(current.expert().value());
    }
    byDepartment.computeIfAbsent(next.department(), k -> new TreeMap<>()).put(next.expert().value(), next.expert());
    VersionedRows.undo(this, () -> {
      byDepartment.get(next.department()).remove(next.expert().value());
      if (current != null) {
        byDepartment.computeIfAbsent(current.department(), k -> new TreeMap<>())
            .put(current.expert().value(), current.expert());
      }
    });
  }

  @Override
  public synchronized Page<ExpertListing> expertsIn(String department, PageRequest page) {
    Check.notNull(department, "department");
    Check.notNull(page, "page");
    NavigableSet<String> ids = byDepartment.getOrDefault(department, new TreeMap<>()).navigableKeySet();
    NavigableSet<String> view = page.cursor() == null ? ids : ids.tailSet(page.cursor(), false);
    List<ExpertListing> out = new ArrayList<>();
    for (String id : view) {
      if (out.size() == page.limit()) {
        return new Page<>(out, out.get(out.size() - 1).expert().value());
      }
      out.add(experts.get(PartyId.of(id)));
    }
    return Page.last(out);
  }
}
