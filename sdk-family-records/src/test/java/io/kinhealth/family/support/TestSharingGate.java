package io.kinhealth.family.support;

import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.FamilySharingGate;
import io.kinhealth.family.SharingDecision;
import io.kinhealth.family.SharingRequest;
import io.kinhealth.family.graph.ViewerStanding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A self-contained {@link FamilySharingGate} that keeps family-sharing consents and an audit of decisions in memory,
 * applying the guardianship rules itself: a guardian's consent covers a child under 14; from 14 the minor's own
 * consent governs sensitive categories ({@code health.*}), while the guardian's delegated view still covers
 * non-sensitive ones until 18; adults and other relatives need the member's own consent, to the whole family or to
 * the viewer by name. Withdrawal takes effect at the next decision. For tests and hosts that do not use
 * kinhealth-compliance. A test double: graph and dashboard tests use it to script consents without notices; thread-safe.
 */
public final class TestSharingGate implements FamilySharingGate {
  /** One consent to family sharing; {@code viewer} null means every member of the subject's families. */
  public record Grant(PersonId subject, PersonId grantedBy, PersonId viewer, Set<String> categories,
      boolean asGuardian, Instant at) {}

  /** One audited decision: who asked about whom, for what, and what was permitted. No health values. */
  public record AuditEntry(Instant at, PersonId subject, PersonId viewer, ViewerStanding standing,
      Set<String> requested, Set<String> permitted) {}

  private final List<Grant> grants = new CopyOnWriteArrayList<>();
  private final List<AuditEntry> audit = new CopyOnWriteArrayList<>();

  /** The member shares these categories with every member of their families. */
  public void shareWithFamily(PersonId subject, Set<String> categories, Instant at) {
    grants.add(new Grant(Check.notNull(subject, "subject"), subject, null, Set.copyOf(categories), false, at));
  }

  /** The member shares these categories with one relative. */
  public void shareWith(PersonId subject, PersonId viewer, Set<String> categories, Instant at) {
    grants.add(new Grant(Check.notNull(subject, "subject"), subject, Check.notNull(viewer, "viewer"),
        Set.copyOf(categories), false, at));
  }

  /** A guardian consents, for a child under 14, to sharing these categories with the family. */
  public void shareAsGuardian(PersonId guardian, PersonId child, Set<String> categories, Instant at) {
    grants.add(new Grant(Check.notNull(child, "child"), Check.notNull(guardian, "guardian"), null,
        Set.copyOf(categories), true, at));
  }

  /** Withdraws every consent the subject (or a guardian for them) gave for these categories. */
  public void withdraw(PersonId subject, Set<String> categories) {
    List<Grant> keep = new ArrayList<>();
    for (Grant g : grants) {
      if (!g.subject().equals(subject)) {
        keep.add(g);
        continue;
      }
      Set<String> rest = new HashSet<>(g.categories());
      rest.removeAll(categories);
      if (!rest.isEmpty()) {
        keep.add(new Grant(g.subject(), g.grantedBy(), g.viewer(), Set.copyOf(rest), g.asGuardian(), g.at()));
      }
    }
    grants.clear();
    grants.addAll(keep);
  }

  @Override
  public SharingDecision decide(SharingRequest r) {
    Set<String> permitted = new HashSet<>();
    List<String> reasons = new ArrayList<>();
    for (String category : r.categories()) {
      boolean sensitive = category.startsWith("health.");
      boolean ok = switch (r.standing()) {
        case GUARDIAN_OF_CHILD -> granted(r, category, true);
        case GUARDIAN_OF_MINOR -> !sensitive || granted(r, category, false);
        case RELATIVE -> granted(r, category, false);
        default -> false;
      };
      if (ok) {
        permitted.add(category);
      } else {
        reasons.add(category + ": " + switch (r.standing()) {
          case GUARDIAN_OF_CHILD -> "PIPL art. 31: no guardian consent to family sharing for this child";
          case GUARDIAN_OF_MINOR -> "PIPL arts. 28-29: from 14 the minor's own separate consent governs health data";
          default -> "PIPL art. 29: no separate consent to share this member's health data with the family";
        });
      }
    }
    audit.add(new AuditEntry(r.at(), r.subject(), r.viewer(), r.standing(), r.categories(), Set.copyOf(permitted)));
    return new SharingDecision(permitted, reasons);
  }

  private boolean granted(SharingRequest r, String category, boolean asGuardian) {
    for (Grant g : grants) {
      if (g.subject().equals(r.subject()) && g.asGuardian() == asGuardian && g.categories().contains(category)
          && (g.viewer() == null || g.viewer().equals(r.viewer())) && !g.at().isAfter(r.at())) {
        return true;
      }
    }
    return false;
  }

  /** Every decision made, oldest first. */
  public List<AuditEntry> audit() {
    return List.copyOf(audit);
  }
}
