package io.kinhealth.compliance;

import io.kinhealth.compliance.internal.Digest;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.validation.Check;
import java.util.Set;

/**
 * One question to the consent service: may {@code requester} perform {@code action} on these {@code categories} of
 * {@code subject}'s data for {@code purpose}?
 *
 * <p>Immutable, with its hash computed once: a host that asks the same question often (a dashboard tile) can keep
 * the request and pass it to {@link ConsentService#decide(DecisionRequest)} without any allocation. Personal data:
 * {@link #toString()} shows the subject id only.
 */
public final class DecisionRequest {
  private final DataSubject subject;
  private final Requester requester;
  private final Purpose purpose;
  private final Set<DataCategory> categories;
  private final ProcessingAction action;
  private final int hash;

  private DecisionRequest(DataSubject subject, Requester requester, Purpose purpose, Set<DataCategory> categories,
      ProcessingAction action) {
    this.subject = Check.notNull(subject, "subject");
    this.requester = Check.notNull(requester, "requester");
    this.purpose = Check.notNull(purpose, "purpose");
    this.categories = Set.copyOf(Check.notEmpty(categories, "categories"));
    this.action = Check.notNull(action, "action");
    // Written out rather than Objects.hash: no varargs array on the decision hot path.
    int h = subject.hashCode();
    h = 31 * h + requester.hashCode();
    h = 31 * h + purpose.hashCode();
    h = 31 * h + this.categories.hashCode();
    this.hash = 31 * h + action.hashCode();
  }

  public static DecisionRequest of(DataSubject subject, Requester requester, Purpose purpose,
      Set<DataCategory> categories, ProcessingAction action) {
    return new DecisionRequest(subject, requester, purpose, categories, action);
  }

  public static DecisionRequest of(DataSubject subject, Requester requester, Purpose purpose, DataCategory category,
      ProcessingAction action) {
    return new DecisionRequest(subject, requester, purpose, Set.of(Check.notNull(category, "categories")), action);
  }

  public DataSubject subject() {
    return subject;
  }

  public Requester requester() {
    return requester;
  }

  public Purpose purpose() {
    return purpose;
  }

  public Set<DataCategory> categories() {
    return categories;
  }

  public ProcessingAction action() {
    return action;
  }

  /**
   * SHA-256 of every input (including the birth date), for the audit: it proves what was asked without storing the
   * personal data itself.
   */
  public String digest() {
    return Digest.sha256().add("kinhealth.decision-request.v1").add(subject.id().value())
        .add(subject.birthDate()).add(requester.token()).add(purpose.code()).addSorted(categories)
        .add(action.code()).hex();
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    return o instanceof DecisionRequest r && r.hash == hash && r.subject.equals(subject)
        && r.requester.equals(requester) && r.purpose.equals(purpose) && r.action.equals(action)
        && r.categories.equals(categories);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "DecisionRequest[" + subject.id() + ", " + requester + ", " + purpose + ", " + categories + ", " + action
        + "]";
  }
}
