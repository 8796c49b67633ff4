package io.kinhealth.compliance;

import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentChoice;
import io.kinhealth.compliance.consent.ConsentEvidence;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.consent.Grantor;
import io.kinhealth.compliance.consent.GuardianRelationship;
import io.kinhealth.compliance.consent.GuardianVerification;
import io.kinhealth.compliance.notice.NoticeReference;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.compliance.taxonomy.StandardActions;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Record a consent (or a refusal) as the individual gave it. Built with {@link #builder(IdempotencyKey, DataSubject)};
 * the service checks it against the notice, the vocabulary and the rules of PIPL arts. 14, 29 and 31 before anything
 * is written.
 *
 * @param grantedAt when the individual agreed (from the host: the tap, the signature), not when the SDK was called
 */
public record RecordConsent(
    IdempotencyKey idempotencyKey,
    DataSubject subject,
    Grantor grantor,
    ConsentChoice choice,
    ConsentType type,
    Set<Purpose> purposes,
    Set<DataCategory> categories,
    Set<ProcessingAction> actions,
    Set<Requester> recipients,
    NoticeReference notice,
    ConsentChannel channel,
    Instant grantedAt,
    Instant expiresAt,
    ConsentEvidence evidence) {

  public RecordConsent {
    Check.notNull(idempotencyKey, "idempotencyKey");
    Check.notNull(subject, "subject");
    Check.notNull(grantor, "grantor");
    Check.notNull(choice, "choice");
    Check.notNull(type, "type");
    purposes = Set.copyOf(Check.notEmpty(purposes, "purposes"));
    categories = Set.copyOf(Check.notEmpty(categories, "categories"));
    actions = Set.copyOf(Check.notEmpty(actions, "actions"));
    recipients = recipients == null ? Set.of() : Set.copyOf(Check.noNulls(recipients, "recipients"));
    Check.notNull(notice, "notice");
    Check.notNull(channel, "channel");
    Check.notNull(grantedAt, "grantedAt");
  }

  /** Starts a consent for {@code subject}, granted by the subject themself unless a guardian is set. */
  public static Builder builder(IdempotencyKey key, DataSubject subject) {
    return new Builder(key, subject);
  }

  /** Builds a {@link RecordConsent}. Defaults: granted by the subject, GRANTED, actions collect and use. */
  public static final class Builder {
    private final IdempotencyKey key;
    private final DataSubject subject;
    private Grantor grantor;
    private ConsentChoice choice = ConsentChoice.GRANTED;
    private ConsentType type;
    private Set<Purpose> purposes = new LinkedHashSet<>();
    private Set<DataCategory> categories = new LinkedHashSet<>();
    private Set<ProcessingAction> actions;
    private Set<Requester> recipients = new LinkedHashSet<>();
    private NoticeReference notice;
    private ConsentChannel channel;
    private Instant grantedAt;
    private Instant expiresAt;
    private ConsentEvidence evidence;

    private Builder(IdempotencyKey key, DataSubject subject) {
      this.key = key;
      this.subject = subject;
    }

    /** A guardian consents for a child under 14; the type becomes {@link ConsentType#GUARDIAN}. */
    public Builder grantedByGuardian(PersonId guardian, GuardianRelationship relationship,
        GuardianVerification verification) {
      this.grantor = Grantor.guardian(guardian, relationship, verification);
      this.type = ConsentType.GUARDIAN;
      return this;
    }

    public Builder type(ConsentType value) {
      this.type = value;
      return this;
    }

    /** Records a refusal instead of a grant. */
    public Builder refused() {
      this.choice = ConsentChoice.REFUSED;
      return this;
    }

    public Builder purposes(Purpose... values) {
      purposes.addAll(Arrays.asList(Check.notNull(values, "purposes")));
      return this;
    }

    public Builder categories(DataCategory... values) {
      categories.addAll(Arrays.asList(Check.notNull(values, "categories")));
      return this;
    }

    public Builder actions(ProcessingAction... values) {
      actions = new LinkedHashSet<>(Arrays.asList(Check.notNull(values, "actions")));
      return this;
    }

    public Builder recipients(Requester... values) {
      recipients.addAll(Arrays.asList(Check.notNull(values, "recipients")));
      return this;
    }

    public Builder notice(NoticeReference value) {
      this.notice = value;
      return this;
    }

    public Builder channel(ConsentChannel value) {
      this.channel = value;
      return this;
    }

    public Builder grantedAt(Instant value) {
      this.grantedAt = value;
      return this;
    }

    public Builder expiresAt(Instant value) {
      this.expiresAt = value;
      return this;
    }

    public Builder evidence(ConsentEvidence value) {
      this.evidence = value;
      return this;
    }

    public RecordConsent build() {
      Check.notNull(subject, "subject");
      Grantor g = grantor == null ? Grantor.subject(subject.id()) : grantor;
      Set<ProcessingAction> a = actions == null ? Set.of(StandardActions.COLLECT, StandardActions.USE) : actions;
      return new RecordConsent(key, subject, g, choice, type, purposes, categories, a, recipients, notice, channel,
          grantedAt, expiresAt, evidence);
    }
  }
}
