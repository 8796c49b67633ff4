package io.kinhealth.compliance.internal;

import io.kinhealth.compliance.ConsentPolicy;
import io.kinhealth.compliance.RecordConsent;
import io.kinhealth.compliance.consent.ConsentChoice;
import io.kinhealth.compliance.consent.ConsentGrant;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.notice.NoticeContent;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.compliance.spi.NoticeStore;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.compliance.taxonomy.Vocabulary;
import io.kinhealth.core.error.FieldViolation;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.model.Age;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks a consent or notice passes before anything is written; every broken rule is reported at once, each
 * with a stable reason and, where the law says so, the article. Not API.
 */
public final class ConsentRules {
  /** How far in the future a grant time may be, for clock skew between the host's devices and this server. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final Vocabulary vocabulary;
  private final ConsentPolicy policy;
  private final NoticeStore notices;

  public ConsentRules(Vocabulary vocabulary, ConsentPolicy policy, NoticeStore notices) {
    this.vocabulary = vocabulary;
    this.policy = policy;
    this.notices = notices;
  }

  public void checkNoticeContent(NoticeContent content) {
    List<FieldViolation> v = new ArrayList<>();
    known(content.purposes(), content.categories(), content.actions(), "notice.", v);
    boolean sensitive = content.categories().stream().anyMatch(DataCategory::sensitive);
    if (sensitive && content.sensitiveNecessity().isEmpty()) {
      v.add(new FieldViolation("notice.sensitiveNecessity", "notice.necessity_missing",
          "PIPL art. 30: a notice covering sensitive data must say why it is necessary"));
    }
    throwIfAny(v);
  }

  /** Checks a command completely and returns the grant to store. */
  public ConsentGrant checkConsent(RecordConsent c, Instant now) {
    List<FieldViolation> v = new ArrayList<>();
    known(c.purposes(), c.categories(), c.actions(), "", v);
    throwIfAny(v); // the rest needs the definitions

    Set<DataCategory> categories = resolve(c.categories());
    Set<ProcessingAction> actions = resolveActions(c.actions());
    boolean granted = c.choice() == ConsentChoice.GRANTED;

    // The notice the individual saw must exist, match its hash, still be current, and name what is consented to.
    Optional<PrivacyNotice> shown = notices.find(c.notice().id(), c.notice().version());
    if (shown.isEmpty()) {
      v.add(new FieldViolation("notice", "consent.notice_not_found",
          "PIPL art. 17: consent must refer to a published privacy notice version"));
    } else {
      PrivacyNotice n = shown.get();
      if (!n.sha256().equals(c.notice().sha256())) {
        v.add(new FieldViolation("notice.sha256", "consent.notice_hash_mismatch",
            "the notice hash differs from the published version"));
      }
      PrivacyNotice latest = notices.latest(n.id()).orElse(n);
      if (granted && !latest.keepsConsentsFrom(n.version())) {
        v.add(new FieldViolation("notice.version", "consent.notice_outdated",
            "PIPL art. 14: the notice changed materially since this version; show the current version"));
      }
      if (c.grantedAt().isBefore(n.publishedAt())) {
        v.add(new FieldViolation("grantedAt", "consent.granted_before_notice",
            "consent cannot predate the notice it refers to"));
      }
      if (granted) {
        for (Purpose p : c.purposes()) {
          if (!n.content().purposes().contains(p)) {
            v.add(new FieldViolation("purposes", "consent.outside_notice",
                "PIPL art. 17: the notice does not name purpose " + p.code()));
          }
        }
        for (DataCategory cat : categories) {
          if (n.content().categories().stream().noneMatch(cat::isWithin)) {
            v.add(new FieldViolation("categories", "consent.outside_notice",
                "PIPL art. 17: the notice does not name category " + cat.code()));
          }
        }
        for (ProcessingAction a : actions) {
          if (!n.content().actions().contains(a)) {
            v.add(new FieldViolation("actions", "consent.outside_notice",
                "PIPL art. 17: the notice does not name the processing method " + a.code()));
          }
        }
      }
    }

    if (granted) {
      // Sensitive data and art. 23/25/39 actions need separate consent: never bundled into a general one.
      if (c.type() == ConsentType.GENERAL) {
        TreeSet<String> sensitive = new TreeSet<>();
        categories.stream().filter(DataCategory::sensitive).forEach(x -> sensitive.add(x.code()));
        if (!sensitive.isEmpty()) {
          v.add(new FieldViolation("type", "consent.bundled_sensitive",
              "PIPL art. 29: sensitive data (" + String.join(", ", sensitive)
                  + ") needs separate consent and cannot be bundled into a general consent"));
        }
        for (ProcessingAction a : actions) {
          a.separateConsentCitation().ifPresent(cite -> v.add(new FieldViolation("type",
              "consent.bundled_sensitive", cite + ": " + a.code() + " needs separate consent")));
        }
        if (!c.recipients().isEmpty()) {
          v.add(new FieldViolation("type", "consent.bundled_sensitive",
              "PIPL art. 23: providing data to a named recipient needs separate consent"));
        }
      } else if (c.purposes().size() > 1) {
        v.add(new FieldViolation("purposes", "consent.separate_bundles_purposes",
            "PIPL art. 14: a separate consent is given for one purpose; record one consent per purpose"));
      }
      for (ProcessingAction a : actions) {
        if (a.recipientMustBeNamed() && c.recipients().isEmpty()) {
          v.add(new FieldViolation("recipients", "consent.recipient_required",
              a.separateConsentCitation().orElse("PIPL art. 23") + ": the recipient must be named for "
                  + a.code()));
        }
      }
    }

    // Guardianship (art. 31): a guardian consents for a child under 14, and only for one.
    boolean guardian = c.grantor().guardian();
    if (guardian != (c.type() == ConsentType.GUARDIAN)) {
      v.add(new FieldViolation("type", "consent.guardian_type_mismatch",
          "a guardian's consent has type GUARDIAN, and only a guardian's"));
    }
    if (!guardian && !c.grantor().personId().equals(c.subject().id())) {
      v.add(new FieldViolation("grantor", "consent.grantor_not_subject",
          "a consent is given by the subject themself or by a guardian"));
    }
    if (guardian && c.grantor().personId().equals(c.subject().id())) {
      v.add(new FieldViolation("grantor", "consent.guardian_is_subject", "a subject is not their own guardian"));
    }
    LocalDate birth = c.subject().birthDate();
    if (granted && birth != null) {
      LocalDate on = LocalDate.ofInstant(c.grantedAt(), policy.zone());
      if (birth.isAfter(on)) {
        v.add(new FieldViolation("subject.birthDate", "consent.subject_not_born", "the subject's birth date is after the grant"));
      } else {
        int age = Age.completedYears(birth, on);
        int consentAge = policy.guardianConsentAge();
        if (guardian && age >= 18) {
          v.add(new FieldViolation("grantor", "consent.guardian_for_adult",
              "PIPL art. 31: the subject is an adult and consents themself"));
        } else if (guardian && age >= consentAge) {
          v.add(new FieldViolation("grantor", "consent.guardian_not_needed",
              "PIPL art. 31: from " + consentAge + " the subject consents themself"));
        } else if (!guardian && age < consentAge) {
          v.add(new FieldViolation("grantor", "consent.guardian_required",
              "PIPL art. 31: the subject is under " + consentAge + "; a guardian must consent"));
        }
      }
    } else if (granted && guardian) {
      v.add(new FieldViolation("subject.birthDate", "consent.subject_age_unknown",
          "PIPL art. 31: a guardian's consent needs the subject's birth date to show they are under "
              + policy.guardianConsentAge()));
    }

    if (c.grantedAt().isAfter(now.plus(CLOCK_SKEW))) {
      v.add(new FieldViolation("grantedAt", "consent.granted_in_future", "a consent cannot be given in the future"));
    }
    if (c.expiresAt() != null && !c.expiresAt().isAfter(c.grantedAt())) {
      v.add(new FieldViolation("expiresAt", "consent.expiry_before_grant", "a consent must expire after it was given"));
    } else if (c.expiresAt() != null && !c.expiresAt().isAfter(now)) {
      v.add(new FieldViolation("expiresAt", "consent.already_expired", "this consent has already expired"));
    }
    throwIfAny(v);
    return new ConsentGrant(c.subject().id(), c.grantor(), c.choice(), c.type(), resolvePurposes(c.purposes()),
        categories, actions, c.recipients(), c.notice(), c.channel(), c.grantedAt(), c.expiresAt(), c.evidence());
  }

  private void known(Set<Purpose> purposes, Set<DataCategory> categories, Set<ProcessingAction> actions,
      String prefix, List<FieldViolation> v) {
    for (Purpose p : purposes) {
      if (!vocabulary.contains(p)) {
        v.add(new FieldViolation(prefix + "purposes", "purpose.unknown", "unknown purpose " + p.code()));
      }
    }
    for (DataCategory c : categories) {
      if (!vocabulary.contains(c)) {
        v.add(new FieldViolation(prefix + "categories", "category.unknown", "unknown data category " + c.code()));
      }
    }
    for (ProcessingAction a : actions) {
      if (!vocabulary.contains(a)) {
        v.add(new FieldViolation(prefix + "actions", "action.unknown", "unknown processing action " + a.code()));
      }
    }
  }

  /** The vocabulary's own definitions, so a caller's hand-made copy can never weaken sensitivity. */
  private Set<DataCategory> resolve(Set<DataCategory> in) {
    Set<DataCategory> out = new java.util.LinkedHashSet<>();
    in.forEach(c -> out.add(vocabulary.requireCategory(c.code())));
    return out;
  }

  private Set<ProcessingAction> resolveActions(Set<ProcessingAction> in) {
    Set<ProcessingAction> out = new java.util.LinkedHashSet<>();
    in.forEach(a -> out.add(vocabulary.requireAction(a.code())));
    return out;
  }

  private Set<Purpose> resolvePurposes(Set<Purpose> in) {
    Set<Purpose> out = new java.util.LinkedHashSet<>();
    in.forEach(p -> out.add(vocabulary.requirePurpose(p.code())));
    return out;
  }

  private static void throwIfAny(List<FieldViolation> v) {
    if (!v.isEmpty()) {
      throw new ValidationException(v);
    }
  }
}
