package io.kinhealth.compliance.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinhealth.compliance.Requester;
import io.kinhealth.compliance.consent.ConsentChoice;
import io.kinhealth.compliance.consent.ConsentGrant;
import io.kinhealth.compliance.consent.ConsentRecord;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.validation.Check;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Exports a {@link ConsentRecord} as a FHIR R4 {@code Consent} resource in JSON (validated against the R4 base
 * profile by HAPI FHIR in this module's tests).
 *
 * <p>Mapping: status {@code active}, or {@code inactive} once withdrawn; scope {@code patient-privacy}; category
 * LOINC 59284-0; patient and performer (the subject, or the guardian as a {@code RelatedPerson}, with a
 * {@code verification} entry for a guardian); {@code policy} the notice version and {@code policyRule}
 * {@code OPTIN}/{@code OPTOUT} plus the KinHealth consent type; {@code provision.type} permit or deny, its period
 * from the grant to the expiry or withdrawal, {@code actor}s the named recipients (role IRCP), {@code action}s
 * mapped to the FHIR consent actions (sharing, disclosure and transfer abroad are {@code disclose}) with the exact
 * KinHealth action alongside, {@code purpose}s in v3 ActReason where one fits plus the KinHealth purpose, and
 * {@code code}s the data categories (KinHealth code and, where known, the fideslang key). Ids that are not valid
 * FHIR ids are given as identifiers instead of references. No personal data beyond ids is exported.
 */
public final class FhirConsentExporter {
  /** Code systems for KinHealth's own codes. */
  public static final String SYSTEM_BASE = "https://kinhealth.io/fhir/CodeSystem/";
  private static final String ID_SYSTEM = "urn:kinhealth:id:";
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
  private static final Map<String, String> ACT_REASON = Map.of(
      "treatment", "TREAT", "follow_up", "TREAT", "health_monitoring", "PATRQT", "family_sharing", "FAMRQT",
      "marketing", "HMARKT", "research", "HRESCH", "insurance_underwriting", "COVAUTH",
      "referral_attribution", "HOPERAT");
  private static final Map<String, String> FHIR_ACTION = Map.of(
      "collect", "collect", "use", "use", "share", "disclose", "disclose", "disclose", "transfer_abroad", "disclose");

  private final ObjectMapper mapper = new ObjectMapper();

  /** The Consent resource as a JSON string. */
  public String toJson(ConsentRecord record) {
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toResource(record));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a Consent resource", e);
    }
  }

  /** The Consent resource as a Jackson tree. */
  public ObjectNode toResource(ConsentRecord record) {
    Check.notNull(record, "record");
    ConsentGrant g = record.grant();
    ObjectNode c = mapper.createObjectNode();
    c.put("resourceType", "Consent");
    if (FHIR_ID.matcher(record.id().value()).matches()) {
      c.put("id", record.id().value());
    }
    c.putObject("meta").put("versionId", Long.toString(record.version()));
    c.putObject("text").put("status", "generated").put("div",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + (g.choice() == ConsentChoice.GRANTED ? "Consent" : "Refusal")
            + " (" + g.type().name().toLowerCase(java.util.Locale.ROOT) + ") to " + codes(g.purposes()) + " of "
            + codes(g.categories()) + "</div>");
    c.putArray("identifier").addObject().put("system", ID_SYSTEM + "consent").put("value", record.id().value());
    c.put("status", record.isActive() ? "active" : "inactive");
    coding(c.putObject("scope"), "http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy",
        "Privacy Consent");
    coding(c.putArray("category").addObject(), "http://loinc.org", "59284-0", "Patient Consent");
    reference(c.putObject("patient"), "Patient", g.subjectId().value());
    c.put("dateTime", g.grantedAt().toString());
    ObjectNode performer = c.putArray("performer").addObject();
    reference(performer, g.grantor().guardian() ? "RelatedPerson" : "Patient", g.grantor().personId().value());
    if (g.grantor().guardian()) {
      ObjectNode v = c.putArray("verification").addObject();
      v.put("verified", true);
      reference(v.putObject("verifiedWith"), "RelatedPerson", g.grantor().personId().value());
      v.put("verificationDate", g.grantedAt().toString());
    }
    c.putArray("policy").addObject().put("uri", "urn:kinhealth:notice:" + urnSafe(g.notice().id().value()) + ":v"
        + g.notice().version() + ":sha256:" + g.notice().sha256());
    ObjectNode rule = c.putObject("policyRule");
    ArrayNode ruleCodings = rule.putArray("coding");
    ruleCodings.addObject().put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
        .put("code", g.choice() == ConsentChoice.GRANTED ? "OPTIN" : "OPTOUT");
    ruleCodings.addObject().put("system", SYSTEM_BASE + "consent-type")
        .put("code", g.type().name().toLowerCase(java.util.Locale.ROOT));
    if (g.evidence() != null) {
      ObjectNode src = c.putObject("sourceReference");
      src.putObject("identifier").put("system", ID_SYSTEM + "consent-evidence").put("value",
          g.evidence().reference());
    }
    provision(c.putObject("provision"), record);
    return c;
  }

  private void provision(ObjectNode p, ConsentRecord record) {
    ConsentGrant g = record.grant();
    p.put("type", g.choice() == ConsentChoice.GRANTED ? "permit" : "deny");
    Instant end = record.withdrawal() != null ? record.withdrawal().at() : g.expiresAt();
    ObjectNode period = p.putObject("period").put("start", g.grantedAt().toString());
    if (end != null) {
      period.put("end", end.toString());
    }
    List<Requester> recipients = g.recipients().stream().filter(r -> r.kind() != io.kinhealth.compliance
        .RequesterKind.PLATFORM).sorted(Comparator.comparing(Requester::token)).toList();
    if (!recipients.isEmpty()) {
      ArrayNode actors = p.putArray("actor");
      for (Requester r : recipients) {
        ObjectNode a = actors.addObject();
        coding(a.putObject("role"), "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP",
            "information recipient");
        String type = switch (r.kind()) {
          case PERSON -> "RelatedPerson";
          case PRACTITIONER -> "Practitioner";
          default -> "Organization";
        };
        reference(a.putObject("reference"), type, r.id());
      }
    }
    ArrayNode actions = p.putArray("action");
    for (ProcessingAction a : sorted(g.actions(), ProcessingAction::code)) {
      ArrayNode codings = actions.addObject().putArray("coding");
      codings.addObject().put("system", "http://terminology.hl7.org/CodeSystem/consentaction")
          .put("code", FHIR_ACTION.getOrDefault(a.code(), "use"));
      codings.addObject().put("system", SYSTEM_BASE + "processing-action").put("code", a.code())
          .put("display", a.name());
    }
    ArrayNode purposes = p.putArray("purpose");
    for (Purpose pu : sorted(g.purposes(), Purpose::code)) {
      String reason = ACT_REASON.get(pu.code());
      if (reason != null) {
        purposes.addObject().put("system", "http://terminology.hl7.org/CodeSystem/v3-ActReason").put("code", reason);
      }
      purposes.addObject().put("system", SYSTEM_BASE + "purpose").put("code", pu.code()).put("display", pu.name());
    }
    ArrayNode codes = p.putArray("code");
    for (DataCategory dc : sorted(g.categories(), DataCategory::code)) {
      ArrayNode codings = codes.addObject().putArray("coding");
      codings.addObject().put("system", SYSTEM_BASE + "data-category").put("code", dc.code())
          .put("display", dc.name());
      dc.fidesKey().ifPresent(k -> codings.addObject().put("system", "https://ethyca.github.io/fideslang/")
          .put("code", k));
    }
  }

  private static void coding(ObjectNode concept, String system, String code, String display) {
    concept.putArray("coding").addObject().put("system", system).put("code", code).put("display", display);
  }

  private static void reference(ObjectNode ref, String type, String id) {
    if (FHIR_ID.matcher(id).matches()) {
      ref.put("reference", type + "/" + id);
    } else {
      ref.put("type", type);
      ref.putObject("identifier").put("system", ID_SYSTEM + type.toLowerCase(java.util.Locale.ROOT))
          .put("value", id);
    }
  }

  private static String urnSafe(String s) {
    return s.replace(':', '.');
  }

  private static <T> List<T> sorted(java.util.Set<T> values, java.util.function.Function<T, String> key) {
    return values.stream().sorted(Comparator.comparing(key)).toList();
  }

  private static String codes(java.util.Set<?> values) {
    return values.stream().map(String::valueOf).sorted().reduce((a, b) -> a + ", " + b).orElse("");
  }
}
