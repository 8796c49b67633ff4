package io.kinhealth.family.fhir;

import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_VITAL_SIGNS;
import static io.kinhealth.family.support.Family4.FATHER;
import static io.kinhealth.family.support.Family4.FATHER_BORN;
import static io.kinhealth.family.support.Family4.MOTHER;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationTypes;
import io.kinhealth.family.support.FhirFamily;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The HAPI FHIR 8.8.1 R4 instance validator (test scope only) on what the SDK exports: every resource type, every
 * observation type, with the vital-signs profiles declared so they are checked. ERROR and FATAL count as failures;
 * the validator is shown to catch broken resources, so these tests can fail.
 */
@DisplayName("FHIR R4 export validated by HAPI FHIR")
class FhirValidationTest {
  private static FhirContext ctx;
  private static FhirValidator validator;
  private static FhirFamily family;
  private static String memberBundle;
  private static String familyBundle;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void setUp() {
    ctx = FhirContext.forR4();
    ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
        new CommonCodeSystemsTerminologyService(ctx), new InMemoryTerminologyServerValidationSupport(ctx),
        new SnapshotGeneratingValidationSupport(ctx));
    validator = ctx.newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(chain));
    family = new FhirFamily();
    memberBundle = family.f.records.fhir().exportMemberJson(MOTHER, MOTHER, family.from(), family.to());
    family.f.share(FATHER, FATHER_BORN, MOTHER, HEALTH_VITAL_SIGNS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    family.f.records.fhir().exportFamily(MOTHER, family.f.family, family.from(), family.to(), out);
    familyBundle = out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<String> errors(String json) {
    List<String> out = new ArrayList<>();
    for (SingleValidationMessage m : validator.validateWithResult(json).getMessages()) {
      if (Boolean.getBoolean("fhir.showWarnings")) {
        System.err.println(m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage());
      }
      if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
        out.add(m.getLocationString() + ": " + m.getMessage());
      }
    }
    return out;
  }

  private static List<JsonNode> resources(String bundle) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(bundle).path("entry").forEach(e -> out.add(e.path("resource")));
    return out;
  }

  @Test
  @DisplayName("the mother's Bundle (Patient, RelatedPersons, 13 Observations, 2 DocumentReferences) has no errors")
  void memberBundleValidates() throws Exception {
    assertThat(errors(memberBundle)).isEmpty();
    Map<String, Integer> types = new TreeMap<>();
    resources(memberBundle).forEach(r -> types.merge(r.path("resourceType").asText(), 1, Integer::sum));
    assertThat(types).containsEntry("Patient", 1).containsEntry("RelatedPerson", 3)
        .containsEntry("Observation", 13).containsEntry("DocumentReference", 2);
  }

  @Test
  @DisplayName("each exported resource validates on its own too")
  void everyResourceValidates() throws Exception {
    for (JsonNode r : resources(memberBundle)) {
      assertThat(errors(r.toString())).as(r.path("resourceType").asText() + " " + r.path("id").asText()).isEmpty();
    }
  }

  @Test
  @DisplayName("the family Bundle (her records and her husband's shared vital signs) has no errors")
  void familyBundleValidates() throws Exception {
    assertThat(errors(familyBundle)).isEmpty();
    long patients = resources(familyBundle).stream().filter(r -> r.path("resourceType").asText().equals("Patient"))
        .count();
    assertThat(patients).isEqualTo(2);
  }

  @Test
  @DisplayName("vital signs declare the R4 vitalsigns profile and the specific one; fetal heart rate uses 55283-6")
  void profilesDeclared() throws Exception {
    Map<String, String> profileByCode = new TreeMap<>();
    for (JsonNode r : resources(memberBundle)) {
      if (r.path("resourceType").asText().equals("Observation")) {
        profileByCode.put(r.path("code").path("coding").path(0).path("code").asText(), r.path("meta").path("profile")
            .toString());
      }
    }
    assertThat(profileByCode.get("85354-9")).contains("vitalsigns").contains("StructureDefinition/bp");
    assertThat(profileByCode.get("8310-5")).contains("bodytemp");
    assertThat(profileByCode.get("2708-6")).contains("oxygensat");
    assertThat(profileByCode.get("55283-6")).contains("vitalsigns").doesNotContain("heartrate");
    assertThat(profileByCode).containsKeys("14770-2", "14995-5", "15074-8", "55423-8", "8867-4", "29463-7",
        "8302-2", "39156-5");
    assertThat(profileByCode.get("14770-2")).isEqualTo("\"\"".replace("\"\"", "")); // laboratory: no profile
  }

  @Test
  @DisplayName("the validator is live: a broken blood pressure, status or subject is reported as an error")
  void validatorCatchesBrokenResources() throws Exception {
    ObjectNode bp = null;
    for (JsonNode r : resources(memberBundle)) {
      if (r.path("code").path("coding").path(0).path("code").asText().equals("85354-9")) {
        bp = (ObjectNode) r;
      }
    }
    assertThat(bp).isNotNull();
    assertThat(errors(bp.toString())).isEmpty();
    ObjectNode noDiastolic = bp.deepCopy();
    ((ArrayNode) noDiastolic.get("component")).remove(1);
    assertThat(errors(noDiastolic.toString())).as("bp profile: diastolic required").isNotEmpty();
    ObjectNode badStatus = bp.deepCopy();
    badStatus.put("status", "done");
    assertThat(errors(badStatus.toString())).isNotEmpty();
    ObjectNode noSubject = bp.deepCopy();
    noSubject.remove("subject");
    assertThat(errors(noSubject.toString())).as("vitalsigns profile: subject required").isNotEmpty();
    ObjectNode wrongUnit = bp.deepCopy();
    ((ObjectNode) wrongUnit.get("component").get(0).get("valueQuantity")).put("code", "kPa");
    assertThat(errors(wrongUnit.toString())).as("bp profile: mm[Hg] required").isNotEmpty();
  }

  @Test
  @DisplayName("HAPI reads the export back with the same values, UCUM units and times")
  void hapiReadsTheValues() {
    Bundle bundle = ctx.newJsonParser().parseResource(Bundle.class, memberBundle);
    List<Observation> ours = family.f.records.observations().readings(MOTHER, MOTHER, ObservationTypes.BODY_TEMPERATURE,
        family.from(), family.to()).stream().map(r -> r.kept()).toList();
    org.hl7.fhir.r4.model.Observation temp = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(r -> r instanceof org.hl7.fhir.r4.model.Observation).map(r -> (org.hl7.fhir.r4.model.Observation) r)
        .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("8310-5")).findFirst().orElseThrow();
    Quantity q = temp.getValueQuantity();
    assertThat(q.getValue()).isEqualByComparingTo(BigDecimal.valueOf(36.7));
    assertThat(q.getSystem()).isEqualTo("http://unitsofmeasure.org");
    assertThat(q.getCode()).isEqualTo("Cel");
    assertThat(temp.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-11-25T04:04:00+08:00");
    assertThat(temp.getEffectiveDateTimeType().getValue().toInstant()).isEqualTo(ours.get(0).effectiveAt());
    assertThat(temp.getBodySite().getCodingFirstRep().getCode()).isEqualTo("axillary");
  }
}
