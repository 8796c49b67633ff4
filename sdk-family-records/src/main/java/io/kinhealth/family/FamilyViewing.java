package io.kinhealth.family;

import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.graph.ViewerStanding;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single door to another member's data. A member sees their own data; someone who shares no active family with
 * the member sees nothing (refused without asking consent); anyone else gets what the {@link FamilySharingGate}
 * permits for family sharing, category by category, decided (and audited) at every call, so a withdrawn consent
 * hides the data at the next read. An error in the gate denies. Thread-safe.
 */
public final class FamilyViewing {
  private static final Logger LOG = LoggerFactory.getLogger(FamilyViewing.class);

  private final FamilyService families;
  private final FamilySharingGate gate;
  private final Clock clock;

  FamilyViewing(FamilyService families, FamilySharingGate gate, Clock clock) {
    this.families = families;
    this.gate = gate;
    this.clock = clock;
  }

  /** Decides what {@code viewer} may see of {@code subject}'s data in these categories now. */
  public ViewingDecision decide(PersonId viewer, PersonId subject, Set<String> categories) {
    Check.notNull(viewer, "viewer");
    Check.notNull(subject, "subject");
    Check.notEmpty(categories, "categories");
    ViewerStanding standing = families.standing(viewer, subject);
    if (standing == ViewerStanding.SELF) {
      return new ViewingDecision(viewer, subject, standing, categories, List.of());
    }
    if (standing == ViewerStanding.NONE) {
      return new ViewingDecision(viewer, subject, standing, Set.of(),
          List.of("family.not_related: the viewer shares no family with the member"));
    }
    SharingDecision d;
    try {
      d = gate.decide(new SharingRequest(subject, families.profile(subject).birthDate(), viewer, standing, categories,
          clock.instant()));
    } catch (RuntimeException e) {
      LOG.warn("family sharing decision failed; denying ({})", e.getClass().getName());
      d = SharingDecision.deny("family.sharing.error: the consent decision failed, so access is denied");
    }
    Set<String> permitted = new java.util.HashSet<>(d.permitted());
    permitted.retainAll(categories); // a gate cannot widen what was asked
    return new ViewingDecision(viewer, subject, standing, permitted, d.reasons());
  }

  /** Like {@link #decide} for one category, throwing {@link ForbiddenException} when it is not permitted. */
  public ViewingDecision require(PersonId viewer, PersonId subject, String category) {
    ViewingDecision d = decide(viewer, subject, Set.of(Check.notBlank(category, "category")));
    if (!d.permits(category)) {
      throw new ForbiddenException("family.viewing.denied", "subject",
          "no consent to see this member's " + category + " data");
    }
    return d;
  }
}
