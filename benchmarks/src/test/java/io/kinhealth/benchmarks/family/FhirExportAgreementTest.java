package io.kinhealth.benchmarks.family;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The FHIR export benchmark compares equal work: both sides serialise the same resources. */
class FhirExportAgreementTest {
  @Test
  @DisplayName("HAPI's serialisation of the setup Bundle and the SDK's export hold the same resources")
  void sameContent() throws Exception {
    FhirExportBenchmark bench = new FhirExportBenchmark();
    bench.observations = FhirExportBenchmark.observations(700, 42);
    FhirContext ctx = FhirContext.forR4Cached();
    String sdk = FhirExportBenchmark.sdkJson(bench.observations);
    bench.hapi = ctx.newJsonParser();
    bench.hapiBundle = FhirExportBenchmark.hapiBundle(bench.hapi, sdk);
    String hapi = bench.hapiJson();
    Bundle reparsed = FhirExportBenchmark.hapiBundle(ctx.newJsonParser(), hapi);
    assertThat(reparsed.equalsDeep(bench.hapiBundle)).isTrue();
    assertThat(reparsed.getEntry()).hasSize(701);
    // the two JSON documents carry the same tree, entry by entry (HAPI orders some fields its own way)
    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree(sdk);
    JsonNode b = json.readTree(hapi);
    assertThat(b.path("entry").size()).isEqualTo(a.path("entry").size());
    for (int i = 0; i < a.path("entry").size(); i++) {
      assertThat(b.path("entry").get(i)).as("entry %d", i).isEqualTo(a.path("entry").get(i));
    }
    assertThat(FhirExportBenchmark.utf8Length(hapi)).isCloseTo(FhirExportBenchmark.utf8Length(sdk),
        org.assertj.core.data.Percentage.withPercentage(5));
  }
}
