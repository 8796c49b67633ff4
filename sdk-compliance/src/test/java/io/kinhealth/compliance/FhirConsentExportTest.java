package io.kinhealth.compliance;

import static io.kinhealth.compliance.Fixture.FATHER;
import static io.kinhealth.compliance.Fixture.MOTHER;
import static io.kinhealth.compliance.Fixture.MOTHER_SUBJECT;
import static io.kinhealth.compliance.taxonomy.StandardCategories.HEALTH_VITAL_SIGNS;
import static io.kinhealth.compliance.taxonomy.StandardCategories.MOBILE;
import static io.kinhealth.compliance.taxonomy.StandardPurposes.HEALTH_MONITORING;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.kinhealth.compliance.consent.ConsentChannel;
import io.kinhealth.compliance.consent.ConsentEvidence;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.consent.ConsentType;
import io.kinhealth.compliance.fhir.FhirConsentExporter;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.StandardActions;
import io.kinhealth.core.id.OrganisationId;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FHIR R4 Consent export")
class FhirConsentExportTest {
  private static FhirContext ctx;
  private static FhirValidator validator;
  private final FhirConsentExporter exporter = new FhirConsentExporter();

  @BeforeAll
  static void validator() {
    ctx = FhirContext.forR4();
    ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
        new CommonCodeSystemsTerminologyService(ctx), new InMemoryTerminologyServerValidationSupport(ctx),
        new SnapshotGeneratingValidationSupport(ctx));
    validator = ctx.newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(chain));
  }

  private static List<SingleValidationMessage> errors(String json) {
    ValidationResult r = validator.validateWithResult(json);
    return r.getMessages().stream().filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
        || m.getSeverity() == ResultSeverityEnum.FATAL).toList();
  }

  @Test
  @DisplayName("a guardian's consent with recipients, expiry and evidence validates with no errors")
  void guardianConsentValidates() {
    Fixture f = new Fixture();
    ConsentRecord c = f.service.recordConsent(f.consent(Fixture.CHILD_SUBJECT)
        .grantedByGuardian(MOTHER, io.kinhealth.compliance.consent.GuardianRelationship.MOTHER,
            io.kinhealth.compliance.consent.GuardianVerification.BIRTH_CERTIFICATE)
        .purposes(io.kinhealth.compliance.taxonomy.StandardPurposes.FAMILY_SHARING)
        .categories(HEALTH_VITAL_SIGNS, MOBILE).actions(StandardActions.USE)
        .recipients(Requester.person(FATHER), Requester.organisation(OrganisationId.of("org-clinic")))
        .expiresAt(f.clock.instant().plus(Duration.ofDays(365)))
        .evidence(new ConsentEvidence("form-scan-778", "ab".repeat(32))).build());
    String json = exporter.toJson(c);
    assertThat(errors(json)).isEmpty();
    Consent parsed = ctx.newJsonParser().parseResource(Consent.class, json);
    assertThat(parsed.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
    assertThat(parsed.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
    assertThat(parsed.getPerformerFirstRep().getReference()).isEqualTo("RelatedPerson/p-mother");
    assertThat(parsed.getProvision().getActor()).hasSize(2);
    assertThat(parsed.getProvision().getPeriod().hasEnd()).isTrue();
    assertThat(json).doesNotContain("2012-11-26");
  }

  @Test
  @DisplayName("a withdrawn consent exports as inactive, ending at the withdrawal; a refusal as a deny provision")
  void withdrawnAndRefused() {
    Fixture f = new Fixture();
    ConsentRecord c = f.service.recordConsent(f.consent(MOTHER_SUBJECT).type(ConsentType.SEPARATE)
        .purposes(HEALTH_MONITORING).categories(HEALTH_VITAL_SIGNS)
        .actions(new ProcessingAction[] {StandardActions.COLLECT, StandardActions.USE}).build());
    f.clock.advance(Duration.ofDays(2));
    ConsentRecord w = f.service.withdrawConsent(WithdrawConsent.of(f.key(), c.id(), MOTHER, ConsentChannel.APP));
    String json = exporter.toJson(w);
    assertThat(errors(json)).isEmpty();
    Consent parsed = ctx.newJsonParser().parseResource(Consent.class, json);
    assertThat(parsed.getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
    assertThat(parsed.getProvision().getPeriod().getEndElement().getValueAsString())
        .startsWith("2026-11-27");

    ConsentRecord refusal = f.service.recordConsent(f.consent(MOTHER_SUBJECT).refused().type(ConsentType.GENERAL)
        .purposes(io.kinhealth.compliance.taxonomy.StandardPurposes.MARKETING).categories(MOBILE).build());
    String refusalJson = exporter.toJson(refusal);
    assertThat(errors(refusalJson)).isEmpty();
    assertThat(ctx.newJsonParser().parseResource(Consent.class, refusalJson).getProvision().getType())
        .isEqualTo(Consent.ConsentProvisionType.DENY);
  }

  @Test
  @DisplayName("ids that are not valid FHIR ids are exported as identifiers and still validate")
  void oddIds() {
    Fixture f = new Fixture();
    DataSubject odd = DataSubject.of(io.kinhealth.core.id.PersonId.of("wx_openid:o6_bmjrPT"),
        java.time.LocalDate.of(1985, 1, 1));
    ConsentRecord c = f.separate(odd, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
    String json = exporter.toJson(c);
    assertThat(errors(json)).isEmpty();
    assertThat(json).contains("\"value\" : \"wx_openid:o6_bmjrPT\"");
  }

  @Test
  @DisplayName("the validator is live: a broken export (bad status, no patient) is reported")
  void validatorCatchesErrors() {
    Fixture f = new Fixture();
    ConsentRecord c = f.separate(MOTHER_SUBJECT, HEALTH_MONITORING, HEALTH_VITAL_SIGNS);
    com.fasterxml.jackson.databind.node.ObjectNode broken = exporter.toResource(c);
    broken.put("status", "maybe");
    broken.remove("patient");
    assertThat(errors(broken.toString())).isNotEmpty();
  }
}
