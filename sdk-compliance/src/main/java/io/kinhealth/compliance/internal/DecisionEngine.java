package io.kinhealth.compliance.internal;

import io.kinhealth.compliance.ConsentDecision;
import io.kinhealth.compliance.ConsentPolicy;
import io.kinhealth.compliance.DecisionOutcome;
import io.kinhealth.compliance.DecisionReason;
import io.kinhealth.compliance.DecisionReasons;
import io.kinhealth.compliance.DecisionRequest;
import io.kinhealth.compliance.LawfulBasisRule;
import io.kinhealth.compliance.MaskingObligation;
import io.kinhealth.compliance.Requester;
import io.kinhealth.compliance.RequesterKind;
import io.kinhealth.compliance.UnknownAgeRule;
import io.kinhealth.compliance.consent.ConsentChoice;
import io.kinhealth.compliance.consent.ConsentId;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentStatus;
import io.kinhealth.compliance.notice.NoticeId;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.compliance.spi.ConsentStore;
import io.kinhealth.compliance.spi.NoticeStore;
import io.kinhealth.compliance.spi.RetentionStore;
import io.kinhealth.compliance.retention.LegalHold;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.LawfulBasis;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.compliance.taxonomy.Vocabulary;
import io.kinhealth.core.id.OrganisationId;
import io.kinhealth.core.model.Age;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes consent decisions: default deny, deny beats permit, and every outcome with its article. Stateless and
 * thread-safe; reads stores on every call (the cache in front of it is {@link DecisionCache}). Not API.
 */
public final class DecisionEngine {
  private static final int PAGE = 200;

  private final Vocabulary vocabulary;
  private final ConsentPolicy policy;
  private final ConsentStore consents;
  private final NoticeStore notices;
  private final RetentionStore retention;
  private final LawfulBasis consentBasis;
  private final String policyVersion;

  /** A decision and until when (epoch millis) it stays true if nothing is recorded or withdrawn meanwhile. */
  public record Evaluation(ConsentDecision decision, long validUntilMillis) {}

  public DecisionEngine(Vocabulary vocabulary, ConsentPolicy policy, ConsentStore consents, NoticeStore notices,
      RetentionStore retention) {
    this.vocabulary = vocabulary;
    this.policy = policy;
    this.consents = consents;
    this.notices = notices;
    this.retention = retention;
    this.consentBasis = vocabulary.lawfulBasis("consent").orElseGet(
        () -> LawfulBasis.of("consent", "Consent of the individual", "PIPL art. 13(1)", true));
    this.policyVersion = policy.version() + "|" + vocabulary.version();
  }

  public String policyVersion() {
    return policyVersion;
  }

  public ConsentDecision deny(DecisionRequest req, DecisionReason reason) {
    return new ConsentDecision(req, DecisionOutcome.DENY, List.of(reason), List.of(), Set.of(), null, policyVersion);
  }

  public Evaluation evaluate(DecisionRequest req, Instant now) {
    // 1. Everything must be known to this vocabulary: an unknown code is never guessed at.
    Optional<Purpose> purposeDef = vocabulary.purpose(req.purpose().code());
    if (purposeDef.isEmpty()) {
      return forever(deny(req, new DecisionReason(DecisionReasons.UNKNOWN_PURPOSE, "PIPL art. 6",
          "purpose " + req.purpose().code() + " is not in the vocabulary; processing needs a specified purpose")));
    }
    Optional<ProcessingAction> actionDef = vocabulary.action(req.action().code());
    if (actionDef.isEmpty()) {
      return forever(deny(req, new DecisionReason(DecisionReasons.UNKNOWN_ACTION, "PIPL art. 17",
          "processing action " + req.action().code() + " is not in the vocabulary")));
    }
    List<DataCategory> categories = new ArrayList<>(req.categories().size());
    for (DataCategory c : sorted(req.categories())) {
      Optional<DataCategory> def = vocabulary.category(c.code());
      if (def.isEmpty()) {
        return forever(deny(req, new DecisionReason(DecisionReasons.UNKNOWN_CATEGORY, "PIPL art. 17",
            "data category " + c.code() + " is not in the vocabulary")));
      }
      categories.add(def.get());
    }
    Purpose purpose = purposeDef.get();
    ProcessingAction action = actionDef.get();
    Requester requester = req.requester();

    // 1b. Data under a legal hold may only be stored and protected (art. 47), whoever asks and on whatever basis.
    for (LegalHold hold : retention.activeHolds(req.subject().id())) {
      for (DataCategory c : categories) {
        if (hold.covers(c)) {
          return forever(deny(req, new DecisionReason(DecisionReasons.LEGAL_HOLD, "PIPL art. 47",
              c.code() + " is under a legal hold (" + hold.reason() + "): it may only be stored and protected")));
        }
      }
    }

    // 2. The subject's own data, used or collected by the subject themself (right of access, art. 45).
    if (requester.isSubject(req.subject().id()) && !action.requiresSeparateConsent()) {
      return forever(permit(req, purpose, requester, categories, consentBasis, Set.of(),
          new DecisionReason(DecisionReasons.SUBJECT_ACCESS, "PIPL art. 45",
              "the subject may access and use their own data")));
    }

    // 3. A non-consent lawful basis configured for this purpose and action (art. 13 items 2-7).
    Optional<LawfulBasisRule> basis = policy.basisFor(purpose, action);
    if (basis.isPresent()) {
      LawfulBasisRule rule = basis.get();
      return forever(permit(req, purpose, requester, categories, rule.basis(), Set.of(),
          new DecisionReason(DecisionReasons.LAWFUL_BASIS, rule.basis().citation(),
              rule.basis().name() + " (" + rule.justification() + "); no consent needed")));
    }

    // 4. Age on the policy's calendar: under the guardian age only a guardian's consent counts (art. 31).
    long validUntil = Long.MAX_VALUE;
    LocalDate birth = req.subject().birthDate();
    boolean child;
    if (birth == null) {
      if (policy.unknownAgeRule() == UnknownAgeRule.DENY) {
        return forever(deny(req, new DecisionReason(DecisionReasons.AGE_UNKNOWN, "PIPL art. 31",
            "the subject's age is unknown, so whether a guardian must consent (under "
                + policy.guardianConsentAge() + ") cannot be checked")));
      }
      child = false;
    } else {
      LocalDate today = LocalDate.ofInstant(now, policy.zone());
      LocalDate comesOfAge = Age.birthday(birth, policy.guardianConsentAge());
      child = today.isBefore(comesOfAge);
      if (child) {
        validUntil = comesOfAge.atStartOfDay(policy.zone()).toInstant().toEpochMilli();
      }
    }

    // 5. What kind of consent this needs.
    boolean external = isExternal(requester);
    List<DecisionReason> separateBecause = new ArrayList<>(3);
    Set<String> sensitive = new TreeSet<>();
    for (DataCategory c : categories) {
      if (c.sensitive()) {
        sensitive.add(c.code());
      }
    }
    if (!sensitive.isEmpty()) {
      separateBecause.add(new DecisionReason(DecisionReasons.SEPARATE_CONSENT_REQUIRED, "PIPL art. 29",
          "separate consent required for sensitive data (" + String.join(", ", sensitive) + ")"));
    }
    if (child) {
      separateBecause.add(new DecisionReason(DecisionReasons.SEPARATE_CONSENT_REQUIRED, "PIPL art. 28",
          "all personal information of a child under " + policy.guardianConsentAge() + " is sensitive"));
    }
    if (external) {
      separateBecause.add(new DecisionReason(DecisionReasons.SEPARATE_CONSENT_REQUIRED, "PIPL art. 23",
          "separate consent naming the recipient is required to provide data to another party"));
    }
    action.separateConsentCitation().ifPresent(citation -> separateBecause.add(new DecisionReason(
        DecisionReasons.SEPARATE_CONSENT_REQUIRED, citation,
        "separate consent required for the action " + action.code())));
    boolean needSeparate = !separateBecause.isEmpty();
    boolean needRecipient = external || action.recipientMustBeNamed();
    if (action.recipientMustBeNamed() && requester.kind() == RequesterKind.PLATFORM) {
      return forever(deny(req, new DecisionReason(DecisionReasons.RECIPIENT_UNSPECIFIED,
          action.separateConsentCitation().orElse("PIPL art. 23"),
          "for " + action.code() + " the requester must be the named recipient, not the platform")));
    }

    // 6. The subject's active records. Refusals first: deny beats permit.
    List<ConsentRecord> active = activeRecords(req);
    for (ConsentRecord r : active) {
      if (r.grant().choice() != ConsentChoice.REFUSED || r.grant().isExpiredAt(now)
          || !r.grant().purposes().contains(purpose) || !r.grant().actions().contains(action)) {
        continue;
      }
      if (!r.grant().recipients().isEmpty() && !coveredByAny(requester, r.grant().recipients())) {
        continue;
      }
      for (DataCategory c : categories) {
        if (overlaps(c, r.grant().categories())) {
          return new Evaluation(deny(req, new DecisionReason(DecisionReasons.REFUSED,
              purpose.code().equals("marketing") ? "PIPL art. 24, art. 44" : "PIPL art. 44",
              "the subject refused " + purpose.code() + " for " + c.code())),
              expiryMillis(r, Long.MAX_VALUE));
        }
      }
    }

    // 7. Grants: every requested category must be covered by one valid grant.
    Map<NoticeId, Optional<PrivacyNotice>> latestNotices = new HashMap<>();
    Set<ConsentId> basedOn = new LinkedHashSet<>();
    Map<String, DecisionReason> problems = new LinkedHashMap<>();
    List<DataCategory> uncovered = new ArrayList<>(1);
    for (DataCategory c : categories) {
      boolean covered = false;
      for (ConsentRecord r : active) {
        if (r.grant().choice() != ConsentChoice.GRANTED || !r.grant().purposes().contains(purpose)
            || !r.grant().actions().contains(action) || !covers(r.grant().categories(), c)) {
          continue;
        }
        List<DecisionReason> faults = faults(r, now, child, needSeparate, needRecipient, requester, separateBecause,
            latestNotices);
        // Whether this record helps or only explains a deny, the answer changes when it expires.
        validUntil = expiryMillis(r, validUntil);
        if (faults.isEmpty()) {
          covered = true;
          basedOn.add(r.id());
        } else {
          for (DecisionReason f : faults) {
            problems.putIfAbsent(f.code() + "|" + f.citation(), f);
          }
        }
      }
      if (!covered) {
        uncovered.add(c);
      }
    }
    if (!uncovered.isEmpty()) {
      List<DecisionReason> reasons = new ArrayList<>(problems.values());
      if (reasons.isEmpty()) {
        reasons.add(new DecisionReason(DecisionReasons.NO_CONSENT, "PIPL art. 13(1), art. 14",
            "no consent in force covers " + purpose.code() + "/" + action.code() + " of "
                + codes(uncovered)));
      }
      // A deny computed now can turn into a permit only by a new record, which invalidates the cache; or when a
      // child turns 14 (their own consent may then exist).
      return new Evaluation(new ConsentDecision(req, DecisionOutcome.DENY, reasons, List.of(), Set.of(), null,
          policyVersion), validUntil);
    }
    List<DecisionReason> why = new ArrayList<>(2);
    String citation = child ? "PIPL art. 31" : needSeparate ? separateBecause.get(0).citation() : "PIPL art. 13(1)";
    why.add(new DecisionReason(DecisionReasons.CONSENT_IN_FORCE, citation,
        (child ? "the guardian's " : "") + (needSeparate ? "separate " : "") + "consent in force covers "
            + purpose.code() + "/" + action.code() + " of " + codes(categories)));
    return new Evaluation(permit(req, purpose, requester, categories, consentBasis, basedOn, why.get(0)),
        validUntil);
  }

  private List<DecisionReason> faults(ConsentRecord r, Instant now, boolean child, boolean needSeparate,
      boolean needRecipient, Requester requester, List<DecisionReason> separateBecause,
      Map<NoticeId, Optional<PrivacyNotice>> latestNotices) {
    List<DecisionReason> out = new ArrayList<>(1);
    if (r.grant().isExpiredAt(now)) {
      out.add(new DecisionReason(DecisionReasons.CONSENT_EXPIRED, "PIPL art. 13(1)",
          "the consent expired; a new consent is required"));
      return out;
    }
    Optional<PrivacyNotice> latest = latestNotices.computeIfAbsent(r.grant().notice().id(), notices::latest);
    if (latest.isEmpty() || !latest.get().keepsConsentsFrom(r.grant().notice().version())) {
      out.add(new DecisionReason(DecisionReasons.CONSENT_STALE, "PIPL art. 14",
          "the privacy notice changed its purposes, categories or methods after this consent; re-consent required"));
    }
    if (child && !r.grant().grantor().guardian()) {
      out.add(new DecisionReason(DecisionReasons.GUARDIAN_CONSENT_REQUIRED, "PIPL art. 31",
          "the subject is under " + policy.guardianConsentAge() + ": a guardian's consent is required"));
    }
    if (!child && r.grant().grantor().guardian()) {
      out.add(new DecisionReason(DecisionReasons.GUARDIAN_CONSENT_AGED_OUT, "PIPL art. 31",
          "the subject is " + policy.guardianConsentAge()
              + " or older: a guardian's consent no longer counts, the subject's own consent is required"));
    }
    if (needSeparate && !r.grant().type().isSeparate()) {
      out.addAll(separateBecause);
    }
    if (needRecipient && !coveredByAny(requester, r.grant().recipients())) {
      out.add(new DecisionReason(DecisionReasons.RECIPIENT_NOT_NAMED, "PIPL art. 23",
          "the consent does not name this recipient"));
    }
    return out;
  }

  private Evaluation forever(ConsentDecision d) {
    return new Evaluation(d, Long.MAX_VALUE);
  }

  private ConsentDecision permit(DecisionRequest req, Purpose purpose, Requester requester,
      List<DataCategory> categories, LawfulBasis basis, Set<ConsentId> basedOn, DecisionReason why) {
    Map<String, MaskingObligation> obligations = new LinkedHashMap<>();
    for (DataCategory c : categories) {
      for (MaskingObligation o : policy.obligationsFor(purpose, requester.kind(), c)) {
        obligations.putIfAbsent(o.category().code(), o);
      }
    }
    if (requester.isSubject(req.subject().id())) {
      obligations.clear(); // the subject sees their own data unmasked
    }
    if (obligations.isEmpty()) {
      return new ConsentDecision(req, DecisionOutcome.PERMIT, List.of(why), List.of(), basedOn, basis,
          policyVersion);
    }
    DecisionReason mask = new DecisionReason(DecisionReasons.MASKING_REQUIRED, "GB/T 35273-2020 §7.4",
        "display only masked: " + obligations.values());
    return new ConsentDecision(req, DecisionOutcome.PERMIT_WITH_OBLIGATIONS, List.of(why, mask),
        List.copyOf(obligations.values()), basedOn, basis, policyVersion);
  }

  private boolean isExternal(Requester r) {
    return switch (r.kind()) {
      case PLATFORM -> false;
      case ORGANISATION -> !policy.processorOrganisations().contains(OrganisationId.of(r.id()));
      case PRACTITIONER -> r.organisation() == null || !policy.processorOrganisations().contains(r.organisation());
      case PERSON -> true;
    };
  }

  private List<ConsentRecord> activeRecords(DecisionRequest req) {
    List<ConsentRecord> out = new ArrayList<>();
    Pages.forEach(PAGE, page -> consents.findBySubject(req.subject().id(), ConsentStatus.ACTIVE, page), r -> {
      if (r.isActive() && r.subjectId().equals(req.subject().id())) {
        out.add(r); // a store that ignores the filter must not turn a withdrawn consent into a permit
      }
    });
    return out;
  }

  private static long expiryMillis(ConsentRecord r, long current) {
    Instant exp = r.grant().expiresAt();
    // Millis round down, so a cached answer never outlives the consent (the engine then decides precisely).
    return exp == null ? current : Math.min(current, exp.toEpochMilli());
  }

  private static boolean coveredByAny(Requester requester, Set<Requester> recipients) {
    for (Requester r : recipients) {
      if (requester.isCoveredBy(r)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a grant of {@code granted} covers {@code requested}: the same category or an ancestor of it. */
  private static boolean covers(Set<DataCategory> granted, DataCategory requested) {
    for (DataCategory g : granted) {
      if (requested.isWithin(g)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a refusal of {@code refused} touches {@code requested} at all (either contains the other). */
  private static boolean overlaps(DataCategory requested, Set<DataCategory> refused) {
    for (DataCategory g : refused) {
      if (requested.isWithin(g) || g.isWithin(requested)) {
        return true;
      }
    }
    return false;
  }

  private static List<DataCategory> sorted(Set<DataCategory> categories) {
    List<DataCategory> list = new ArrayList<>(categories);
    list.sort((a, b) -> a.code().compareTo(b.code()));
    return list;
  }

  private static String codes(List<DataCategory> categories) {
    StringBuilder sb = new StringBuilder();
    for (DataCategory c : categories) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(c.code());
    }
    return sb.toString();
  }
}
