package io.kinhealth.referral.qa;

import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import java.time.Instant;
import java.util.Map;

/**
 * A paid question and its life: who asked, for how much, through which provider, who grabbed and answered it, and
 * its deadline. The text of the question and of the answer stay with the host; {@code answer} is the host's id for
 * the answer.
 *
 * @param expert the named expert (an {@link QuestionKind#EXPERT} question), else null
 * @param parties further roles the rules pay (e.g. the answerer's clinic), never the answerer or a referrer
 * @param grabbedBy who holds a crowd question, while {@link QuestionState#GRABBED}
 * @param grabExpiresAt when that hold lapses and others may grab it
 * @param deadline when an unanswered question is refunded (and an answered crowd question accepted for the asker)
 * @param version grows by one on every change (optimistic concurrency): two staff grabbing at once, one wins
 */
public record Question(
    QuestionId id,
    PartyId asker,
    QuestionKind kind,
    PartyId expert,
    String department,
    Money price,
    String provider,
    Map<PartyRole, PartyId> parties,
    QuestionState state,
    PartyId grabbedBy,
    Instant grabExpiresAt,
    PartyId answerer,
    String answer,
    Instant askedAt,
    Instant deadline,
    Instant closedAt,
    long version) {

  public Question {
    Check.notNull(id, "id");
    Check.notNull(asker, "asker");
    Check.notNull(kind, "kind");
    Check.that((kind == QuestionKind.EXPERT) == (expert != null), "expert", "referral.question.expert",
        "an expert question names its expert; a crowd question none");
    department = department == null ? null : Check.text(department, "department", 64);
    Check.notNull(price, "price");
    Check.positive(price.minor(), "price");
    provider = TypedId.requireValid(provider, "provider");
    parties = Map.copyOf(Check.noNulls(parties == null ? Map.of() : parties, "parties"));
    Check.notNull(state, "state");
    answer = answer == null ? null : TypedId.requireValid(answer, "answer");
    Check.notNull(askedAt, "askedAt");
    Check.notNull(deadline, "deadline");
    Check.notNegative(version, "version");
  }

  /** Whether {@code staff} may grab it at {@code now}: it is open, or its grab has lapsed. */
  public boolean isGrabbableAt(Instant now) {
    return kind == QuestionKind.CROWD && (state == QuestionState.OPEN
        || (state == QuestionState.GRABBED && grabExpiresAt != null && !now.isBefore(grabExpiresAt)));
  }

  Question with(QuestionState state, PartyId grabbedBy, Instant grabExpiresAt, PartyId answerer, String answer,
      Instant closedAt) {
    return new Question(id, asker, kind, expert, department, price, provider, parties, state, grabbedBy,
        grabExpiresAt, answerer, answer, askedAt, deadline, closedAt, version + 1);
  }

  /** Grabbed by {@code staff} until {@code until}, one version later. */
  public Question grabbedBy(PartyId staff, Instant until) {
    return with(QuestionState.GRABBED, Check.notNull(staff, "staff"), Check.notNull(until, "until"), null, null,
        null);
  }

  /** Answered by {@code answerer} with the host's answer id, one version later ({@code ACCEPTED} for experts). */
  public Question answeredBy(PartyId answerer, String answer, Instant at) {
    QuestionState next = kind == QuestionKind.EXPERT ? QuestionState.ACCEPTED : QuestionState.ANSWERED;
    return with(next, grabbedBy, grabExpiresAt, Check.notNull(answerer, "answerer"), answer,
        next.isFinal() ? at : null);
  }

  /** Accepted, one version later. */
  public Question accepted(Instant at) {
    return with(QuestionState.ACCEPTED, grabbedBy, grabExpiresAt, answerer, answer, at);
  }

  /** Refunded, one version later. */
  public Question refunded(Instant at) {
    return with(QuestionState.REFUNDED, null, null, null, null, at);
  }
}
