package io.kinhealth.family.consent;

import io.kinhealth.compliance.ConsentDecision;
import io.kinhealth.compliance.ConsentService;
import io.kinhealth.compliance.DataSubject;
import io.kinhealth.compliance.DecisionReason;
import io.kinhealth.compliance.DecisionRequest;
import io.kinhealth.compliance.Requester;
import io.kinhealth.compliance.audit.AuditRecord;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.StandardActions;
import io.kinhealth.compliance.taxonomy.StandardPurposes;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.spi.IdGenerator;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.FamilySharingGate;
import io.kinhealth.family.SharingDecision;
import io.kinhealth.family.SharingRequest;
import io.kinhealth.family.graph.ViewerStanding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link FamilySharingGate} backed by kinhealth-compliance: each requested category is one consent decision
 * (subject, the viewer as a person requester, purpose {@code family_sharing}, action {@code use}), made and appended
 * to the tamper-evident audit log with {@link ConsentService#decideAndAudit}. The consent service applies PIPL:
 * separate consent naming the relative for health data, a guardian's consent under 14 and the member's own from 14,
 * withdrawal honoured by the next decision.
 *
 * <p>One rule is the family graph's own: a guardian of a minor from 14 to 18 keeps a delegated view of categories
 * the vocabulary does not mark sensitive; such a view is audited too (type {@value #GUARDIAN_VIEW}). A category the
 * vocabulary does not know is denied. Thread-safe.
 */
public final class ComplianceFamilySharing implements FamilySharingGate {
  /** Audit entry type of a guardian's delegated view of a minor's non-sensitive data. */
  public static final String GUARDIAN_VIEW = "family.guardian_view";

  private final ConsentService consents;
  private final IdGenerator ids;

  public ComplianceFamilySharing(ConsentService consents, IdGenerator ids) {
    this.consents = Check.notNull(consents, "consents");
    this.ids = Check.notNull(ids, "ids");
  }

  public ConsentService consents() {
    return consents;
  }

  @Override
  public SharingDecision decide(SharingRequest r) {
    DataSubject subject = r.knownBirthDate().map(b -> DataSubject.of(r.subject(), b))
        .orElseGet(() -> DataSubject.ageUnknown(r.subject()));
    Requester viewer = Requester.person(r.viewer());
    Set<String> permitted = new HashSet<>();
    List<String> reasons = new ArrayList<>();
    for (String code : new TreeSet<>(r.categories())) {
      Optional<DataCategory> category = consents.vocabulary().category(code);
      if (category.isEmpty()) {
        reasons.add(code + ": not a data category of the consent vocabulary; denied");
        continue;
      }
      if (r.standing() == ViewerStanding.GUARDIAN_OF_MINOR && !category.get().sensitive()) {
        consents.auditLog().append(AuditRecord.of(GUARDIAN_VIEW, r.subject()).withActor(viewer.token())
            .withAttribute("purpose", StandardPurposes.FAMILY_SHARING.code()).withAttribute("categories", code)
            .withAttribute("outcome", "PERMIT").withAttribute("basis", "guardianship (PRC Civil Code art. 27)"),
            key());
        permitted.add(code);
        continue;
      }
      ConsentDecision d = consents.decideAndAudit(DecisionRequest.of(subject, viewer, StandardPurposes.FAMILY_SHARING,
          category.get(), StandardActions.USE), key());
      if (d.isPermitted()) {
        permitted.add(code);
      } else {
        DecisionReason why = d.primaryReason();
        reasons.add(code + ": " + why.citation() + ": " + why.code());
      }
    }
    return new SharingDecision(permitted, reasons);
  }

  private IdempotencyKey key() {
    return IdempotencyKey.of("family-view." + ids.newId());
  }
}
