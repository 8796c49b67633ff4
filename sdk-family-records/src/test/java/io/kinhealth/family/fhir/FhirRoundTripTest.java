package io.kinhealth.family.fhir;

import static io.kinhealth.family.support.Family4.MOTHER;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.family.FamilyRecords;
import io.kinhealth.family.RegisterProfile;
import io.kinhealth.family.ingest.ImportIssue;
import io.kinhealth.family.ingest.ImportReport;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.observation.Source;
import io.kinhealth.family.support.FhirFamily;
import io.kinhealth.family.support.MutableClock;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FHIR R4 round trip and import")
class FhirRoundTripTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PersonId TWIN = PersonId.of("p-import");
  private static final Source HIS = Source.imported("his-city", "City Hospital HIS");
  private static FhirFamily family;
  private static String bundle;

  @BeforeAll
  static void export() {
    family = new FhirFamily();
    bundle = family.f.records.fhir().exportMemberJson(MOTHER, MOTHER, family.from(), family.to());
  }

  private static FamilyRecords fresh() {
    MutableClock clock = MutableClock.at("2026-11-25T02:00:00Z");
    FamilyRecords r = FamilyRecords.builder().clock(clock).build();
    r.families().registerProfile(new RegisterProfile(io.kinhealth.core.id.IdempotencyKey.of("k-1"), TWIN,
        LocalDate.of(1990, 3, 8), null));
    return r;
  }

  /** Every stored reading of a member, in a comparable form: type, values, unit, time, offset, end, context, source. */
  private static List<String> snapshot(FamilyRecords r, PersonId who, boolean withSource) {
    List<String> out = new ArrayList<>();
    for (ObservationType t : r.observations().types().all()) {
      for (var d : r.observations().readings(who, who, t.key(), family.from(), family.to())) {
        Observation o = d.kept();
        out.add(t.key() + " " + o.values() .stream().map(v -> v.component() + "=" + v.value()
            + (v.comparator() == null ? "" : v.comparator().symbol())).toList() + " " + t.canonicalUnit() + " "
            + o.effectiveAt() + " " + o.offset() + " " + o.effectiveEnd() + " " + o.context().meal() + " "
            + o.context().site() + " " + o.context().specimen()
            + (withSource ? " " + o.source().kind() + ":" + o.source().id() : ""));
      }
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  @Test
  @DisplayName("export then import keeps values, units, times with offsets, periods, context and sources")
  void bundleRoundTrip() {
    FamilyRecords r = fresh();
    ImportReport report = r.fhir().importJson(TWIN, TWIN, new StringReader(bundle), HIS);
    assertThat(report.rejected()).isEmpty();
    assertThat(report.imported()).isEqualTo(13);
    assertThat(report.ignored()).containsEntry("Patient", 1).containsEntry("RelatedPerson", 3)
        .containsEntry("DocumentReference", 2);
    assertThat(snapshot(r, TWIN, true)).hasSize(13)
        .isEqualTo(snapshot(family.f.records, MOTHER, true).stream().map(s -> s).toList());
    ImportReport again = r.fhir().importJson(TWIN, TWIN, new StringReader(bundle), HIS);
    assertThat(again.imported()).isZero();
    assertThat(again.alreadyPresent()).isEqualTo(13);
  }

  @Test
  @DisplayName("an NDJSON bulk export (one resource per line) imports the same readings")
  void ndjson() throws Exception {
    StringBuilder nd = new StringBuilder();
    for (JsonNode e : JSON.readTree(bundle).path("entry")) {
      nd.append(JSON.writeValueAsString(e.path("resource"))).append('\n');
    }
    nd.append('\n').append("{not json\n");
    FamilyRecords r = fresh();
    ImportReport report = r.fhir().importNdjson(TWIN, TWIN, new StringReader(nd.toString()), HIS);
    assertThat(report.imported()).isEqualTo(13);
    assertThat(report.rejected()).singleElement().satisfies(i -> {
      assertThat(i.reason()).isEqualTo("fhir.json.invalid");
      assertThat(i.location()).isEqualTo("line 21");
    });
    assertThat(snapshot(r, TWIN, true)).isEqualTo(snapshot(family.f.records, MOTHER, true));
  }

  @Test
  @DisplayName("unsupported or unreadable observations are reported with their location and reason, not dropped")
  void problemsReported() throws Exception {
    ObjectNode hr = null;
    for (JsonNode e : JSON.readTree(bundle).path("entry")) {
      if (e.path("resource").path("code").path("coding").path(0).path("code").asText().equals("8867-4")) {
        hr = (ObjectNode) e.path("resource");
      }
    }
    ObjectNode unsupported = hr.deepCopy();
    ((ObjectNode) unsupported.get("code").get("coding").get(0)).put("code", "9279-1");
    ObjectNode preliminary = hr.deepCopy().put("status", "preliminary");
    ObjectNode dateOnly = hr.deepCopy().put("effectiveDateTime", "2026-11-25");
    ObjectNode noValue = hr.deepCopy();
    noValue.remove("valueQuantity");
    noValue.putObject("dataAbsentReason").putArray("coding").addObject().put("code", "asked-unknown");
    ObjectNode badUnit = hr.deepCopy();
    ((ObjectNode) badUnit.get("valueQuantity")).put("code", "kg");
    String nd = String.join("\n", unsupported.toString(), preliminary.toString(), dateOnly.toString(),
        noValue.toString(), badUnit.toString(), "{\"resourceType\":\"Patient\",\"id\":\"x\"}", "[1]");
    ImportReport report = fresh().fhir().importNdjson(TWIN, TWIN, new StringReader(nd), HIS);
    assertThat(report.imported()).isZero();
    assertThat(report.recordsRead()).isEqualTo(7);
    assertThat(report.ignored()).containsEntry("Patient", 1);
    assertThat(report.rejected()).extracting(ImportIssue::location, ImportIssue::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple("line 1", "fhir.observation.unsupported_code"),
        org.assertj.core.groups.Tuple.tuple("line 2", "fhir.observation.status"),
        org.assertj.core.groups.Tuple.tuple("line 3", "fhir.observation.time_imprecise"),
        org.assertj.core.groups.Tuple.tuple("line 4", "fhir.observation.no_value"),
        org.assertj.core.groups.Tuple.tuple("line 7", "fhir.resource.invalid"),
        org.assertj.core.groups.Tuple.tuple("Observation/" + hr.path("identifier").path(0).path("value").asText(),
            "observation.unit.unknown"));
    assertThat(report.rejected()).allSatisfy(i -> assertThat(i.message()).doesNotContain("78"));
  }

  @Test
  @DisplayName("an Observation written by HAPI (a hospital system) imports: mg/dL converted, offset kept")
  void hapiWrittenObservation() {
    FhirContext ctx = FhirContext.forR4Cached();
    org.hl7.fhir.r4.model.Observation o = new org.hl7.fhir.r4.model.Observation();
    o.setStatus(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL);
    o.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "2339-0", "Glucose [Mass/volume] in Blood"))
        .addCoding(new Coding("http://loinc.org", "14771-0", "Fasting glucose")));
    o.setSubject(new Reference("Patient/abc"));
    DateTimeType when = new DateTimeType("2026-11-24T07:30:00+08:00");
    o.setEffective(when);
    o.setValue(new Quantity().setValue(new BigDecimal("99")).setUnit("mg/dL").setSystem("http://unitsofmeasure.org")
        .setCode("mg/dL"));
    String json = ctx.newJsonParser().encodeResourceToString(o);
    FamilyRecords r = fresh();
    ImportReport report = r.fhir().importJson(TWIN, TWIN, new StringReader(json), HIS);
    assertThat(report.rejected()).isEmpty();
    Observation stored = r.observations().latest(TWIN, TWIN, "blood-glucose").orElseThrow();
    assertThat(stored.value()).isCloseTo(99 / 18.016, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(stored.provenance().originalUnit()).isEqualTo("mg/dL");
    assertThat(stored.context().meal()).isEqualTo(io.kinhealth.family.observation.MealRelation.FASTING);
    assertThat(stored.effectiveAt()).isEqualTo(Instant.parse("2026-11-23T23:30:00Z"));
    assertThat(stored.offset().getTotalSeconds()).isEqualTo(8 * 3600);
    assertThat(stored.source()).isEqualTo(HIS);
    assertThat(stored.provenance().format()).isEqualTo(FhirObservationReader.FORMAT);
    Objects.requireNonNull(Date.from(stored.effectiveAt()));
  }

  @Test
  @DisplayName("only the member or her guardian imports into her record")
  void onlyManagerImports() {
    FamilyRecords r = fresh();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.fhir().importJson(PersonId.of("p-stranger"), TWIN,
        new StringReader(bundle), HIS)).isInstanceOf(io.kinhealth.core.error.ForbiddenException.class);
  }
}
