package io.kinhealth.family.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FHIR ids and bundle URLs")
class FhirIdsTest {
  @Test
  @DisplayName("valid FHIR ids are kept; others become the same name-based UUID every time")
  void ids() {
    assertThat(FhirIds.id("Patient", "p-mother")).isEqualTo("p-mother");
    assertThat(FhirIds.id("Patient", "A.b-9")).isEqualTo("A.b-9");
    String odd = FhirIds.id("Patient", "wx_openid:o6_bmj");
    assertThat(odd).isEqualTo(FhirIds.id("Patient", "wx_openid:o6_bmj")).isNotEqualTo("wx_openid:o6_bmj");
    assertThat(UUID.fromString(odd)).isNotNull();
    assertThat(FhirIds.id("Observation", "wx_openid:o6_bmj")).isNotEqualTo(odd);
    assertThat(FhirIds.id("Patient", "x".repeat(65))).hasSize(36);
  }

  @Test
  @DisplayName("a UUID id is its own urn:uuid URL (lower case); any other id gets a name-based one")
  void urls() {
    String id = "01A2106E-6500-7659-8C30-51AF6A5E7D33";
    assertThat(FhirIds.url("Observation", id)).isEqualTo("urn:uuid:" + id.toLowerCase(java.util.Locale.ROOT));
    assertThat(FhirIds.url("Patient", "p-mother")).startsWith("urn:uuid:").hasSize(45)
        .isEqualTo(FhirBundleWriter.patientUrl(io.kinhealth.core.id.PersonId.of("p-mother")));
    assertThat(FhirIds.isUuid("01a2106e-6500-7659-8c30-51af6a5e7d3")).isFalse();
    assertThat(FhirIds.isUuid("01a2106e+6500-7659-8c30-51af6a5e7d33")).isFalse();
    assertThat(FhirIds.isUuid("01a2106g-6500-7659-8c30-51af6a5e7d33")).isFalse();
  }
}
