package io.kinhealth.family;

import static io.kinhealth.family.support.Family4.DAUGHTER;
import static io.kinhealth.family.support.Family4.DAUGHTER_BORN;
import static io.kinhealth.family.support.Family4.FATHER;
import static io.kinhealth.family.support.Family4.FATHER_BORN;
import static io.kinhealth.family.support.Family4.MOTHER;
import static io.kinhealth.family.support.Family4.SON;
import static io.kinhealth.family.support.Family4.SON_BORN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.WithdrawConsent;
import io.kinhealth.compliance.audit.AuditEntry;
import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.model.Zones;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.family.graph.ViewerStanding;
import io.kinhealth.family.support.Family4;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every read of another member's data is a kinhealth-compliance decision, audited, honouring withdrawal at once. */
class FamilyViewingTest {
  private static final Set<String> VITALS = Set.of("health.vital_signs");
  private final Family4 f = new Family4();
  private final FamilyViewing viewing = f.records.viewing();

  private List<AuditEntry> audit(PersonId subject) {
    return f.consents.auditLog().entriesOf(subject, PageRequest.first(1000)).items();
  }

  @Test
  @DisplayName("a member sees their own data without a consent decision")
  void self() {
    int before = audit(MOTHER).size();
    ViewingDecision d = viewing.decide(MOTHER, MOTHER, Set.of("health.vital_signs", "health.pregnancy"));
    assertThat(d.standing()).isEqualTo(ViewerStanding.SELF);
    assertThat(d.permitted()).containsExactlyInAnyOrder("health.vital_signs", "health.pregnancy");
    assertThat(audit(MOTHER)).hasSize(before);
  }

  @Test
  @DisplayName("someone outside the family sees nothing, whatever consents exist")
  void stranger() {
    PersonId stranger = PersonId.of("p-stranger");
    f.share(FATHER, FATHER_BORN, stranger, StandardCategories.HEALTH_VITAL_SIGNS);
    ViewingDecision d = viewing.decide(stranger, FATHER, VITALS);
    assertThat(d.standing()).isEqualTo(ViewerStanding.NONE);
    assertThat(d.permitted()).isEmpty();
  }

  @Test
  @DisplayName("a relative sees what the member shared with them by separate consent; every decision is audited")
  void relative() {
    assertThat(viewing.decide(MOTHER, FATHER, VITALS).permitted()).isEmpty();
    int before = audit(FATHER).size();
    f.share(FATHER, FATHER_BORN, MOTHER, StandardCategories.HEALTH_VITAL_SIGNS);
    ViewingDecision d = viewing.decide(MOTHER, FATHER, Set.of("health.vital_signs", "health.pregnancy"));
    assertThat(d.standing()).isEqualTo(ViewerStanding.RELATIVE);
    assertThat(d.permitted()).containsExactly("health.vital_signs");
    assertThat(d.reasons()).anySatisfy(r -> assertThat(r).startsWith("health.pregnancy: PIPL"));
    List<AuditEntry> entries = audit(FATHER);
    assertThat(entries.size() - before).isGreaterThanOrEqualTo(2); // the consent, then two decisions
    assertThat(entries.get(entries.size() - 1).toString()).doesNotContain("p-mother-secret");
    assertThat(viewing.decide(DAUGHTER, FATHER, VITALS).permitted()).as("shared with the mother only").isEmpty();
  }

  @Test
  @DisplayName("withdrawing consent hides the data at the very next read")
  void withdrawal() {
    ConsentRecord consent = f.share(DAUGHTER, DAUGHTER_BORN, MOTHER, StandardCategories.HEALTH_VITAL_SIGNS);
    assertThat(viewing.decide(MOTHER, DAUGHTER, VITALS).permitted()).containsExactly("health.vital_signs");
    f.consents.withdrawConsent(WithdrawConsent.of(f.key(), consent.id(), DAUGHTER, ConsentChannel.APP));
    assertThat(viewing.decide(MOTHER, DAUGHTER, VITALS).permitted()).isEmpty();
    assertThatThrownBy(() -> viewing.require(MOTHER, DAUGHTER, "health.vital_signs"))
        .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.reason())
            .isEqualTo("family.viewing.denied"));
  }

  @Test
  @DisplayName("a 10-year-old's data is shared by his guardian's consent, and stops counting on his 14th birthday")
  void guardianConsentUntilFourteen() {
    assertThat(viewing.decide(MOTHER, SON, VITALS).permitted()).isEmpty();
    f.shareSonAsGuardian(Family4.people(MOTHER, FATHER), StandardCategories.HEALTH_VITAL_SIGNS);
    ViewingDecision mother = viewing.decide(MOTHER, SON, VITALS);
    assertThat(mother.standing()).isEqualTo(ViewerStanding.GUARDIAN_OF_CHILD);
    assertThat(mother.permitted()).containsExactly("health.vital_signs");
    assertThat(viewing.decide(FATHER, SON, VITALS).permitted()).containsExactly("health.vital_signs");

    f.clock.set(ZonedDateTime.of(LocalDate.of(2030, 5, 19).atTime(12, 0), Zones.CHINA).toInstant());
    assertThat(viewing.decide(MOTHER, SON, VITALS).permitted()).containsExactly("health.vital_signs");
    f.clock.set(ZonedDateTime.of(LocalDate.of(2030, 5, 20).atTime(0, 0), Zones.CHINA).toInstant());
    ViewingDecision teen = viewing.decide(MOTHER, SON, VITALS);
    assertThat(teen.standing()).isEqualTo(ViewerStanding.GUARDIAN_OF_MINOR);
    assertThat(teen.permitted()).as("from 14 his own consent governs health data").isEmpty();
    f.share(SON, SON_BORN, MOTHER, StandardCategories.HEALTH_VITAL_SIGNS);
    assertThat(viewing.decide(MOTHER, SON, VITALS).permitted()).containsExactly("health.vital_signs");
  }

  @Test
  @DisplayName("a failing consent decision denies, and a gate cannot widen what was asked")
  void failures() {
    Family4 broken = new Family4(b -> b.sharingGate(r -> {
      throw new IllegalStateException("consent store down");
    }));
    ViewingDecision d = broken.records.viewing().decide(MOTHER, FATHER, VITALS);
    assertThat(d.permitted()).isEmpty();
    assertThat(d.reasons()).singleElement().satisfies(r -> assertThat(r).startsWith("family.sharing.error"));
    Family4 generous = new Family4(b -> b.sharingGate(r -> new SharingDecision(Set.of("health.vital_signs",
        "health.records"), List.of())));
    assertThat(generous.records.viewing().decide(MOTHER, FATHER, VITALS).permitted())
        .containsExactly("health.vital_signs");
  }
}
