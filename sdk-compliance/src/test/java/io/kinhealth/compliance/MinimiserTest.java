package io.kinhealth.compliance;

import static io.kinhealth.compliance.taxonomy.StandardCategories.BIRTH_DATE;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_VITAL_SIGNS;
import static io.kinhealth.compliance.taxonomy.StandardCategories.MOBILE;
import static io.kinhealth.compliance.taxonomy.StandardCategories.NAME;
import static io.kinhealth.compliance.taxonomy.StandardCategories.RESIDENT_ID;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.FAMILY_SHARING;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.MARKETING;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.RESEARCH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinhealth.compliance.masking.Masks;
import io.kinhealth.compliance.masking.Pseudonymiser;
import io.kinhealth.compliance.minimisation.MinimisationPolicy;
import io.kinhealth.compliance.minimisation.Minimiser;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.compliance.taxonomy.StandardActions;
import io.kinhealth.compliance.taxonomy.Vocabulary;
import io.kinhealth.core.memory.InMemoryKeyRing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

@DisplayName("Minimisation")
class MinimiserTest {
  private final Pseudonymiser pseudonyms = Pseudonymiser.of(InMemoryKeyRing.generated(), "person");
  private final MinimisationPolicy policy = MinimisationPolicy.builder("test/1")
      .purpose(FAMILY_SHARING)
      .field("name", NAME, Masks.keep())
      .field("mobile", MOBILE, Masks.keep())
      .field("systolic", HEALTH_VITAL_SIGNS, Masks.keep())
      .purpose(RESEARCH)
      .field("residentId", RESIDENT_ID, pseudonyms.asMask())
      .field("birthDate", BIRTH_DATE, Masks.dateToYear())
      .field("systolic", HEALTH_VITAL_SIGNS, Masks.generalise(10))
      .build();
  private final Minimiser minimiser = Minimiser.builder(policy).mask(pseudonyms.asMask()).build();

  record Reading(String name, String mobile, String residentId, String birthDate, int systolic, String diary) {}

  /** A host's own class, annotated; one field wrongly claims a name the policy uses for another category. */
  static final class Patient {
    @io.kinhealth.compliance.minimisation.PersonalData(category = "identity.resident_id", name = "residentId")
    private final String idCard = "11010519491231002X";
    @io.kinhealth.compliance.minimisation.PersonalData(category = "health.diagnosis", name = "birthDate")
    private final String diagnosis = "gestational diabetes";
    @io.kinhealth.compliance.minimisation.PersonalData(category = "health.vital_signs")
    private final int systolic = 151;
    private final String notes = "private";
  }

  private static Map<String, Object> record() {
    Map<String, Object> r = new HashMap<>();
    r.put("name", "段小满");
    r.put("mobile", "18012341999");
    r.put("residentId", "11010519491231002X");
    r.put("birthDate", "1949-12-31");
    r.put("systolic", 147);
    r.put("diary", "私密日记");
    return r;
  }

  @Test
  @DisplayName("keeps only the purpose's fields, each through its mask; unknown purposes yield nothing")
  void keepsAllowListOnly() {
    Map<String, Object> out = minimiser.minimise(RESEARCH, record());
    assertThat(out).containsOnlyKeys("residentId", "birthDate", "systolic");
    assertThat(out.get("birthDate")).isEqualTo("1949");
    assertThat(out.get("systolic")).isEqualTo("140-149");
    assertThat((String) out.get("residentId")).startsWith("ps1.");
    assertThat(minimiser.minimise(MARKETING, record())).isEmpty();
    assertThat(minimiser.minimise(Purpose.of("unknown_purpose", "x", null, null), record())).isEmpty();
  }

  @Test
  @DisplayName("works the same on a Jackson tree and on a record object")
  void treesAndObjects() throws Exception {
    ObjectNode tree = new ObjectMapper().valueToTree(record());
    ObjectNode out = minimiser.minimise(RESEARCH, tree);
    assertThat(out.get("birthDate").asText()).isEqualTo("1949");
    assertThat(out.has("diary")).isFalse();
    Reading reading = new Reading("段小满", "18012341999", "11010519491231002X", "1949-12-31", 147, "私密");
    Map<String, Object> fromObject = minimiser.minimiseObject(RESEARCH, reading);
    assertThat(fromObject).isEqualTo(minimiser.minimise(RESEARCH, record()));
  }

  @Test
  @DisplayName("an annotated object is read by its declared names, and a field declared as other data is withheld")
  void annotatedObjects() {
    Map<String, Object> out = minimiser.minimiseObject(RESEARCH, new Patient());
    assertThat(out).containsOnlyKeys("residentId", "systolic");
    assertThat(out.get("systolic")).isEqualTo("150-159");
    assertThat((String) out.get("residentId")).startsWith("ps1.");
  }

  @Test
  @DisplayName("a decision governs: DENY releases nothing, only decided categories pass, obligations mask")
  void decisionsGovern() {
    Fixture f = new Fixture();
    f.familySharing(Fixture.MOTHER_SUBJECT, Requester.person(Fixture.FATHER), HEALTH_VITAL_SIGNS, MOBILE);
    ConsentDecision d = f.service.decide(Fixture.MOTHER_SUBJECT, Requester.person(Fixture.FATHER), FAMILY_SHARING,
        Set.of(HEALTH_VITAL_SIGNS, MOBILE), StandardActions.USE);
    assertThat(d.outcome()).isEqualTo(DecisionOutcome.PERMIT_WITH_OBLIGATIONS);
    Map<String, Object> out = minimiser.minimise(d, record());
    assertThat(out).containsOnlyKeys("mobile", "systolic").containsEntry("mobile", "180****1999");
    ConsentDecision denied = f.service.decide(Fixture.MOTHER_SUBJECT, Requester.person(Fixture.UNCLE),
        FAMILY_SHARING, Set.of(HEALTH_VITAL_SIGNS), StandardActions.USE);
    assertThat(minimiser.minimise(denied, record())).isEmpty();
  }

  @RepeatedTest(40)
  @DisplayName("for any record and any purpose, the output's fields are a subset of the policy's")
  void outputIsAlwaysASubset(RepetitionInfo info) {
    long seed = 4_242L * info.getCurrentRepetition();
    Random random = new Random(seed);
    List<Purpose> purposes = new ArrayList<>(Vocabulary.standard().purposes());
    String[] names = {"name", "mobile", "residentId", "birthDate", "systolic", "diary", "address", "email", "x",
        "Mobile", "mobile ", ""};
    for (int i = 0; i < 200; i++) {
      Map<String, Object> r = new HashMap<>();
      int n = random.nextInt(names.length + 1);
      for (int j = 0; j < n; j++) {
        String key = names[random.nextInt(names.length)] + (random.nextInt(10) == 0 ? random.nextInt(5) : "");
        Object value = switch (random.nextInt(4)) {
          case 0 -> random.nextInt(300);
          case 1 -> Long.toString(random.nextLong());
          case 2 -> null;
          default -> "v" + random.nextInt();
        };
        r.put(key, value);
      }
      Purpose p = purposes.get(random.nextInt(purposes.size()));
      Set<String> allowed = new java.util.HashSet<>();
      policy.fieldsFor(p).forEach(x -> allowed.add(x.field()));
      Map<String, Object> out = minimiser.minimise(p, r);
      assertThat(allowed).as("seed %d case %d", seed, i).containsAll(out.keySet());
      assertThat(r.keySet()).as("seed %d case %d", seed, i).containsAll(out.keySet());
    }
  }
}
