package io.kinhealth.compliance;

import io.kinhealth.core.id.OrganisationId;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.id.PractitionerId;
import io.kinhealth.core.id.TypedId;
import io.kinhealth.core.validation.Check;
import java.util.Optional;

/**
 * Who wants the data: a person (a relative), a practitioner (optionally of an organisation), an organisation, or the
 * platform itself. Also used as a consent's named recipient (PIPL art. 23 requires the recipient to be named).
 *
 * <p>Guarantees: {@code id} is a valid typed-id value (null only for {@link #platform()}); a practitioner's
 * organisation, when given, lets a consent naming that organisation cover its practitioners. Ids are opaque and
 * not personal data, so a requester may be logged and audited.
 */
public record Requester(RequesterKind kind, String id, OrganisationId organisation) {
  private static final Requester PLATFORM = new Requester(RequesterKind.PLATFORM, null, null);

  public Requester {
    Check.notNull(kind, "requester.kind");
    if (kind == RequesterKind.PLATFORM) {
      Check.that(id == null && organisation == null, "requester.id", "requester.platform_has_no_id",
          "the platform requester has no id");
    } else {
      id = TypedId.requireValid(id, "requester.id");
      Check.that(kind == RequesterKind.PRACTITIONER || organisation == null, "requester.organisation",
          "requester.organisation_not_allowed", "only a practitioner acts for an organisation");
    }
  }

  public static Requester person(PersonId id) {
    return new Requester(RequesterKind.PERSON, Check.notNull(id, "requester.id").value(), null);
  }

  public static Requester practitioner(PractitionerId id) {
    return new Requester(RequesterKind.PRACTITIONER, Check.notNull(id, "requester.id").value(), null);
  }

  public static Requester practitioner(PractitionerId id, OrganisationId organisation) {
    return new Requester(RequesterKind.PRACTITIONER, Check.notNull(id, "requester.id").value(),
        Check.notNull(organisation, "requester.organisation"));
  }

  public static Requester organisation(OrganisationId id) {
    return new Requester(RequesterKind.ORGANISATION, Check.notNull(id, "requester.id").value(), null);
  }

  /** The processor itself. */
  public static Requester platform() {
    return PLATFORM;
  }

  /** The person id, when this is a person. */
  public Optional<PersonId> personId() {
    return kind == RequesterKind.PERSON ? Optional.of(PersonId.of(id)) : Optional.empty();
  }

  public Optional<OrganisationId> actingFor() {
    return Optional.ofNullable(organisation);
  }

  /** Whether this requester is {@code subject} themself. */
  public boolean isSubject(PersonId subject) {
    return kind == RequesterKind.PERSON && id.equals(subject.value());
  }

  /**
   * Whether a consent naming {@code recipient} covers this requester: the same party, or a practitioner of a named
   * organisation.
   */
  public boolean isCoveredBy(Requester recipient) {
    if (equals(recipient)) {
      return true;
    }
    if (kind == RequesterKind.PRACTITIONER && recipient.kind == RequesterKind.PRACTITIONER
        && id.equals(recipient.id) && recipient.organisation == null) {
      return true;
    }
    return kind == RequesterKind.PRACTITIONER && organisation != null
        && recipient.kind == RequesterKind.ORGANISATION && organisation.value().equals(recipient.id);
  }

  /** A stable text form, e.g. {@code person:p-1}, {@code practitioner:d-7@org-2}, {@code platform}. */
  public String token() {
    return switch (kind) {
      case PLATFORM -> "platform";
      case PRACTITIONER -> organisation == null ? "practitioner:" + id : "practitioner:" + id + "@" + organisation;
      default -> kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    };
  }

  @Override
  public String toString() {
    return token();
  }
}
