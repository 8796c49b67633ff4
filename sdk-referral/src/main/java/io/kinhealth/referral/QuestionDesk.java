package io.kinhealth.referral;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.InvalidStateException;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.commission.Commission;
import io.kinhealth.referral.ledger.AccountId;
import io.kinhealth.referral.ledger.EntryId;
import io.kinhealth.referral.ledger.EntryRequest;
import io.kinhealth.referral.ledger.Transfer;
import io.kinhealth.referral.memory.InMemoryQuestionStore;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.order.OrderRecord;
import io.kinhealth.referral.order.OrderSettlement;
import io.kinhealth.referral.order.PaidOrder;
import io.kinhealth.referral.internal.DerivedIds;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import io.kinhealth.referral.payment.Withdrawal;
import io.kinhealth.referral.qa.AskCrowd;
import io.kinhealth.referral.qa.AskExpert;
import io.kinhealth.referral.qa.EarningsRun;
import io.kinhealth.referral.qa.ExpertListing;
import io.kinhealth.referral.qa.Question;
import io.kinhealth.referral.qa.QuestionId;
import io.kinhealth.referral.qa.QuestionKind;
import io.kinhealth.referral.qa.QuestionPolicy;
import io.kinhealth.referral.qa.QuestionState;
import io.kinhealth.referral.qa.Unlock;
import io.kinhealth.referral.rule.RuleSetId;
import io.kinhealth.referral.spi.QuestionStore;
import io.kinhealth.referral.split.OrderLine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Paid medical Q&A end to end, on the {@link ReferralEngine}'s rules and books and {@link Payouts}' payouts.
 *
 * <ul>
 *   <li>A bounty to the crowd: the asker's money waits in escrow ({@code CLEARING:questions}); qualified staff grab
 *       the question first come first served (a grab is held for the policy's lease, then others may grab it); the
 *       grabber answers; the asker accepts it (or the deadline accepts it for them) and the bounty becomes a paid
 *       order split by the crowd rules, the grabber paid in the answerer's role. Unanswered by the deadline, the
 *       asker is refunded in full.
 *   <li>A named expert of a department at the expert's listed price: the expert's answer is accepted at once and
 *       paid by the expert rules; unanswered by the deadline, the asker is refunded in full.
 *   <li>Later readers pay to unlock an accepted answer: each unlock is a paid order split by the unlock rules among
 *       the answerer, the reader's referrer (filled in by attribution) and the platform.
 *   <li>{@link #settleEarnings(int)} makes matured earnings available and pays out every party whose wallet reached
 *       the policy's threshold: one payout per crossing.
 * </ul>
 *
 * <p>Every step is one transaction over the question, its ledger entries and its order; replaying a step returns
 * what it did. Build once with {@link #builder()}; thread-safe.
 */
public final class QuestionDesk {
  private static final String ESCROW = "questions";

  private final ReferralEngine engine;
  private final Payouts payouts;
  private final QuestionStore store;
  private final QuestionPolicy policy;
  private final TransactionRunner transactions;
  private final AccountPlan accounts;
  private final Clock clock;

  private QuestionDesk(Builder b) {
    this.payouts = b.payouts;
    this.engine = payouts.engine();
    this.store = b.store != null ? b.store : new InMemoryQuestionStore();
    this.policy = b.policy;
    this.transactions = engine.transactions();
    this.accounts = engine.accounts();
    this.clock = engine.clock();
  }

  public static Builder builder() {
    return new Builder();
  }

  public QuestionPolicy policy() {
    return policy;
  }

  public Optional<Question> question(QuestionId id) {
    return store.findQuestion(Check.notNull(id, "id"));
  }

  /** The escrow account holding askers' money until their questions are accepted or refunded. */
  public AccountId escrowAccount() {
    return AccountId.clearing(ESCROW);
  }

  // --- experts -----------------------------------------------------------------------------------------------------

  /** Lists (or relists with a new price or department) an expert; listing it unchanged returns it. */
  public ExpertListing listExpert(ExpertListing listing) {
    Check.notNull(listing, "listing");
    return transactions.inTransaction(() -> {
      Optional<ExpertListing> current = store.findExpert(listing.expert());
      if (current.isPresent() && current.get().department().equals(listing.department())
          && current.get().price().equals(listing.price()) && current.get().accepting() == listing.accepting()) {
        return current.get();
      }
      long version = current.map(ExpertListing::version).orElse(0L);
      ExpertListing next = new ExpertListing(listing.expert(), listing.department(), listing.price(),
          listing.accepting(), version + 1);
      store.saveExpert(next, version);
      return next;
    });
  }

  // --- asking ------------------------------------------------------------------------------------------------------

  /** Records a bounty question to the crowd, its money in escrow, open until the policy's answer window ends. */
  public Question askCrowd(AskCrowd ask) {
    Check.notNull(ask, "ask");
    payouts.profile(ask.provider());
    requireExtraParties(ask.parties());
    return transactions.inTransaction(() -> {
      Instant now = clock.instant();
      return ask(new Question(ask.id(), ask.asker(), QuestionKind.CROWD, null, null, money(ask.bounty()),
          ask.provider(), ask.parties(), QuestionState.OPEN, null, null, null, null, now,
          now.plus(policy.answerWindow()), null, 0));
    });
  }

  /**
   * Records a question to a named expert at the expert's listed price, its money in escrow.
   *
   * @throws NotFoundException {@code referral.expert.not_found} when the expert is not listed
   * @throws InvalidStateException {@code referral.expert.not_accepting} when the expert takes no questions
   */
  public Question askExpert(AskExpert ask) {
    Check.notNull(ask, "ask");
    payouts.profile(ask.provider());
    requireExtraParties(ask.parties());
    return transactions.inTransaction(() -> {
      Optional<Question> existing = store.findQuestion(ask.id());
      if (existing.isPresent()) {
        Question q = existing.get();
        if (q.kind() != QuestionKind.EXPERT || !q.asker().equals(ask.asker()) || !ask.expert().equals(q.expert())
            || !q.provider().equals(ask.provider()) || !q.parties().equals(ask.parties())) {
          throw conflict(ask.id());
        }
        return q;
      }
      ExpertListing expert = store.findExpert(ask.expert()).orElseThrow(() -> new NotFoundException(
          "referral.expert.not_found", "expert", "the expert is not listed"));
      if (!expert.accepting()) {
        throw new InvalidStateException("referral.expert.not_accepting", "expert", "the expert takes no questions");
      }
      Instant now = clock.instant();
      return ask(new Question(ask.id(), ask.asker(), QuestionKind.EXPERT, ask.expert(), expert.department(),
          money(expert.price()), ask.provider(), ask.parties(), QuestionState.OPEN, null, null, null, null, now,
          now.plus(policy.answerWindow()), null, 0));
    });
  }

  private Question ask(Question q) {
    Optional<Question> existing = store.findQuestion(q.id());
    if (existing.isPresent()) {
      Question e = existing.get();
      if (e.kind() != q.kind() || !e.asker().equals(q.asker()) || !e.price().equals(q.price())
          || !e.provider().equals(q.provider()) || !e.parties().equals(q.parties())) {
        throw conflict(q.id());
      }
      return e;
    }
    accounts.ensure(escrowAccount());
    moveEscrow("qa-ask", q, accounts.provider(q.provider()), escrowAccount());
    Question stored = store.insertQuestion(q);
    announce(stored);
    return stored;
  }

  // --- answering ---------------------------------------------------------------------------------------------------

  /**
   * A staff member grabs a crowd question: first come, first served. Grabbing it again while holding it returns it.
   *
   * @throws ConflictException {@code referral.question.taken} when someone else holds it (or it was answered)
   */
  public Question grab(QuestionId id, PartyId staff) {
    Check.notNull(id, "id");
    Check.notNull(staff, "staff");
    return transactions.inTransaction(() -> {
      Question q = find(id);
      Instant now = clock.instant();
      if (q.state() == QuestionState.GRABBED && staff.equals(q.grabbedBy()) && now.isBefore(q.grabExpiresAt())) {
        return q;
      }
      if (!q.isGrabbableAt(now) || !now.isBefore(q.deadline())) {
        throw new ConflictException("referral.question.taken", "id", "question " + id + " is not open to grab");
      }
      return update(q, q.grabbedBy(staff, min(now.plus(policy.grabLease()), q.deadline())));
    });
  }

  /**
   * Answers a question: a crowd question by the staff member holding it, an expert question by its expert (which
   * accepts and pays it at once). Answering it again with the same answer returns it.
   *
   * @param answer the host's id for the answer's content
   * @throws ForbiddenException {@code referral.question.not_answerer} when someone else holds it or it names
   *     another expert
   * @throws InvalidStateException {@code referral.question.closed} past the deadline, after the grab lapsed, or
   *     once answered by another answer
   */
  public Question answer(QuestionId id, PartyId answerer, String answer) {
    Check.notNull(id, "id");
    Check.notNull(answerer, "answerer");
    String ref = TypedId.requireValid(answer, "answer");
    return transactions.inTransaction(() -> {
      Question q = find(id);
      Instant now = clock.instant();
      if (answerer.equals(q.answerer()) && ref.equals(q.answer())) {
        return q;
      }
      boolean mine = q.kind() == QuestionKind.EXPERT ? answerer.equals(q.expert())
          : q.state() == QuestionState.GRABBED && answerer.equals(q.grabbedBy());
      if (!mine) {
        throw new ForbiddenException("referral.question.not_answerer", "answerer",
            "only the expert named, or the staff member holding the question, may answer it");
      }
      boolean open = q.kind() == QuestionKind.EXPERT ? q.state() == QuestionState.OPEN
          : now.isBefore(q.grabExpiresAt());
      if (!open || !now.isBefore(q.deadline())) {
        throw new InvalidStateException("referral.question.closed", "id",
            "question " + id + " can no longer be answered");
      }
      Question answered = update(q, q.answeredBy(answerer, ref, now));
      if (answered.state() == QuestionState.ACCEPTED) {
        pay(answered);
      }
      return answered;
    });
  }

  /**
   * The asker accepts a crowd question's answer: the bounty is split by the crowd rules. Accepting it again returns it.
   *
   * @throws ForbiddenException {@code referral.question.not_asker} for anyone but the asker
   * @throws InvalidStateException {@code referral.question.not_answered} before an answer
   */
  public Question accept(QuestionId id, PartyId asker) {
    Check.notNull(id, "id");
    Check.notNull(asker, "asker");
    return transactions.inTransaction(() -> {
      Question q = find(id);
      if (!q.asker().equals(asker)) {
        throw new ForbiddenException("referral.question.not_asker", "asker", "only the asker accepts an answer");
      }
      if (q.state() == QuestionState.ACCEPTED) {
        return q;
      }
      if (q.state() != QuestionState.ANSWERED) {
        throw new InvalidStateException("referral.question.not_answered", "id", "question " + id + " has no answer");
      }
      Question accepted = update(q, q.accepted(clock.instant()));
      pay(accepted);
      return accepted;
    });
  }

  /**
   * Closes up to {@code limit} questions past their deadline, each in its own transaction: an answered crowd
   * question is accepted for its asker; any other is refunded in full (escrow back to the provider; the host
   * refunds the payment on the {@code QuestionChanged} event). Returns the questions it closed.
   */
  public List<Question> closeDue(int limit) {
    Check.inRange(limit, 1, PageRequest.MAX_LIMIT, "limit");
    Instant now = clock.instant();
    List<Question> closed = new ArrayList<>();
    for (Question due : store.questionsDue(now, PageRequest.first(limit)).items()) {
      Question done = transactions.inTransaction(() -> {
        Question q = store.findQuestion(due.id()).orElseThrow();
        if (q.state().isFinal() || now.isBefore(q.deadline())) {
          return null;
        }
        if (q.state() == QuestionState.ANSWERED) {
          Question accepted = update(q, q.accepted(now));
          pay(accepted);
          return accepted;
        }
        moveEscrow("qa-refund", q, escrowAccount(), accounts.provider(q.provider()));
        return update(q, q.refunded(now));
      });
      if (done != null) {
        closed.add(done);
      }
    }
    return closed;
  }

  /** Releases an accepted question's money from escrow as a paid order, split by its rules. */
  private void pay(Question q) {
    // Out of escrow and in again as a paid order: the provider-to-clearing entry of the order completes the move.
    moveEscrow("qa-release", q, escrowAccount(), accounts.provider(q.provider()));
    Map<PartyRole, PartyId> parties = new HashMap<>(q.parties());
    parties.put(policy.answererRole(), q.answerer());
    RuleSetId rules = q.kind() == QuestionKind.EXPERT ? policy.expertRules() : policy.crowdRules();
    engine.recordPaidOrder(new PaidOrder(orderOf(q.id()), q.asker(), rules, q.askedAt(), q.provider(),
        List.of(OrderLine.of("answer", RevenueCategory.CONSULTATION, q.price())), parties));
  }

  /** One ledger entry moving a question's price, its id derived from the step and the question. */
  private void moveEscrow(String step, Question q, AccountId from, AccountId to) {
    accounts.ledger().post(EntryRequest.builder(EntryId.derive(step, q.id().value()))
        .metadata("question", q.id().value()).add(Transfer.post(from, to, q.price())).build());
  }

  /** The paid order an accepted question became. */
  public static OrderId orderOf(QuestionId question) {
    return OrderId.of(DerivedIds.derive("qa", Check.notNull(question, "question").value()));
  }

  // --- reading -----------------------------------------------------------------------------------------------------

  /**
   * A reader pays to unlock an accepted answer: a paid order split by the unlock rules (the answerer, the reader's
   * referrer, the platform). A reader unlocks an answer once; unlocking it again returns the first settlement.
   *
   * @throws ValidationException {@code referral.question.own_answer} for the asker or the answerer
   * @throws InvalidStateException {@code referral.question.not_accepted} before the answer is accepted
   */
  public OrderSettlement unlock(Unlock unlock) {
    Check.notNull(unlock, "unlock");
    payouts.profile(unlock.provider());
    OrderId order = OrderId.of(DerivedIds.derive("unlock", unlock.question().value(), unlock.reader().value()));
    return transactions.inTransaction(() -> {
      Optional<OrderRecord> done = engine.order(order);
      if (done.isPresent()) {
        return done.get().settlement();
      }
      Question q = find(unlock.question());
      if (q.state() != QuestionState.ACCEPTED) {
        throw new InvalidStateException("referral.question.not_accepted", "question",
            "question " + q.id() + " has no accepted answer to unlock");
      }
      if (unlock.reader().equals(q.asker()) || unlock.reader().equals(q.answerer())) {
        throw new ValidationException("reader", "referral.question.own_answer",
            "the asker and the answerer read the answer free");
      }
      return engine.recordPaidOrder(new PaidOrder(order, unlock.reader(), policy.unlockRules(), unlock.paidAt(),
          unlock.provider(), List.of(OrderLine.of("unlock", RevenueCategory.CONTENT, money(policy.unlockPrice()))),
          Map.of(policy.answererRole(), q.answerer())));
    });
  }

  // --- earnings ------------------------------------------------------------------------------------------------

  /**
   * Makes up to {@code limit} matured commissions available, then pays out every party whose wallet it touched and
   * that reached the policy's threshold (once per crossing; see {@link Payouts#payOutOverThreshold}).
   */
  public EarningsRun settleEarnings(int limit) {
    Set<PartyId> touched = new LinkedHashSet<>();
    int released = engine.commissions().releaseDue(limit, (Commission c) -> touched.add(c.party()));
    List<Withdrawal> started = new ArrayList<>();
    if (policy.payoutThreshold() != null) {
      for (PartyId party : touched) {
        payouts.payOutOverThreshold(party, policy.payoutThreshold(), policy.payoutProvider())
            .ifPresent(started::add);
      }
    }
    return new EarningsRun(released, started);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private void requireExtraParties(Map<PartyRole, PartyId> parties) {
    if (parties.containsKey(policy.answererRole())) {
      throw new ValidationException("parties", "referral.question.answerer_role",
          "the answerer's role is filled by whoever answers");
    }
  }

  private Question find(QuestionId id) {
    return store.findQuestion(id).orElseThrow(() -> new NotFoundException("referral.question.not_found", "id",
        "no question " + id));
  }

  private Question update(Question current, Question next) {
    store.updateQuestion(next, current.version());
    if (next.state() != current.state()) {
      announce(next);
    }
    return next;
  }

  private void announce(Question q) {
    Instant now = clock.instant();
    transactions.afterCommit(() -> engine.events().publish(new ReferralEvent.QuestionChanged(q.id(), q.state(),
        now)));
  }

  private static IdempotencyConflictException conflict(QuestionId id) {
    return new IdempotencyConflictException("idempotency.payload_mismatch", "id",
        "question " + id + " was asked with another command");
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private Money money(Money m) {
    if (!m.currency().equals(accounts.currency())) {
      throw new ValidationException("price", "money.currency_mismatch", "the amount is in another currency");
    }
    return m;
  }

  /** Builds a {@link QuestionDesk}. */
  public static final class Builder {
    private Payouts payouts;
    private QuestionStore store;
    private QuestionPolicy policy;

    private Builder() {}

    /** The payouts (and through them the engine) the desk works on (required). */
    public Builder payouts(Payouts payouts) {
      this.payouts = Check.notNull(payouts, "payouts");
      return this;
    }

    public Builder store(QuestionStore store) {
      this.store = Check.notNull(store, "store");
      return this;
    }

    /** The rule sets and terms (required). */
    public Builder policy(QuestionPolicy policy) {
      this.policy = Check.notNull(policy, "policy");
      return this;
    }

    public QuestionDesk build() {
      Check.notNull(payouts, "payouts");
      Check.notNull(policy, "policy");
      if (policy.payoutProvider() != null) {
        payouts.profile(policy.payoutProvider());
      }
      return new QuestionDesk(this);
    }
  }
}
