package io.kinhealth.family.fhir;

import static io.kinhealth.compliance.taxonomy.StandardCategories.BIRTH_DATE;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_VITAL_SIGNS;
import static io.kinhealth.family.support.Family4.DAUGHTER;
import static io.kinhealth.family.support.Family4.FATHER;
import static io.kinhealth.family.support.Family4.MOTHER;
import static io.kinhealth.family.support.Family4.MOTHER_BORN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.family.support.FhirFamily;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FHIR export follows consent")
class FhirExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FhirFamily family = new FhirFamily();

  private static List<String> codes(String bundle) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode e : JSON.readTree(bundle).path("entry")) {
      JsonNode r = e.path("resource");
      out.add(r.path("resourceType").asText() + ":" + r.path("code").path("coding").path(0).path("code").asText(""));
    }
    return out;
  }

  @Test
  @DisplayName("a relative without consent cannot export; with vital signs only she gets no pregnancy readings")
  void relativeExport() throws Exception {
    assertThatThrownBy(() -> family.f.records.fhir().exportMemberJson(FATHER, MOTHER, family.from(), family.to()))
        .isInstanceOf(ForbiddenException.class);
    family.f.share(MOTHER, MOTHER_BORN, FATHER, HEALTH_VITAL_SIGNS);
    String bundle = family.f.records.fhir().exportMemberJson(FATHER, MOTHER, family.from(), family.to());
    assertThat(codes(bundle)).contains("Observation:85354-9", "Observation:8310-5")
        .doesNotContain("Observation:55283-6", "Observation:fetal-movement-count")
        .noneMatch(c -> c.startsWith("DocumentReference"));
    JsonNode patient = JSON.readTree(bundle).path("entry").path(0).path("resource");
    assertThat(patient.path("resourceType").asText()).isEqualTo("Patient");
    assertThat(patient.has("birthDate")).isFalse();
    family.f.share(MOTHER, MOTHER_BORN, FATHER, BIRTH_DATE);
    String withBirth = family.f.records.fhir().exportMemberJson(FATHER, MOTHER, family.from(), family.to());
    assertThat(JSON.readTree(withBirth).path("entry").path(0).path("resource").path("birthDate").asText())
        .isEqualTo("1990-03-08");
  }

  @Test
  @DisplayName("a family export leaves out members who share nothing with the viewer, and says how many")
  void familyExport() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FhirExportSummary s = family.f.records.fhir().exportFamily(DAUGHTER, family.f.family, family.from(),
        family.to(), out);
    assertThat(s.patients()).isEqualTo(1); // only herself
    assertThat(s.hiddenMembers()).isEqualTo(3);
    String json = out.toString(StandardCharsets.UTF_8);
    String mother = FhirBundleWriter.patientUrl(MOTHER);
    for (JsonNode e : JSON.readTree(json).path("entry")) {
      JsonNode r = e.path("resource");
      assertThat(e.path("fullUrl").asText()).isNotEqualTo(mother);
      assertThat(r.path("subject").path("reference").asText()).isNotEqualTo(mother);
      if (r.path("resourceType").asText().equals("RelatedPerson")) {
        // her own family links are hers to export: they name relatives, never their records
        assertThat(r.path("patient").path("reference").asText()).isEqualTo(FhirBundleWriter.patientUrl(DAUGHTER));
      }
    }
    assertThat(s.relatedPersons()).isEqualTo(1); // the graph records her link to her mother, who invited her
    assertThat(s.entries()).isEqualTo(JSON.readTree(json).path("entry").size());
  }

  @Test
  @DisplayName("the summary counts what was written; the member's own export carries her birth date")
  void selfExport() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FhirExportSummary s = family.f.records.fhir().exportMember(MOTHER, MOTHER, family.from(), family.to(), out);
    assertThat(s.observations()).isEqualTo(13);
    assertThat(s.documentReferences()).isEqualTo(2);
    assertThat(s.relatedPersons()).isEqualTo(3);
    JsonNode root = JSON.readTree(out.toByteArray());
    assertThat(root.path("id").asText()).isEqualTo(s.bundleId());
    assertThat(root.path("type").asText()).isEqualTo("collection");
    assertThat(root.path("entry").path(0).path("resource").path("birthDate").asText()).isEqualTo("1990-03-08");
    JsonNode husband = root.path("entry").path(1).path("resource");
    assertThat(husband.path("relationship").path(0).path("coding").path(0).path("code").asText()).isEqualTo("HUSB");
  }
}
