package io.kinhealth.compliance.audit;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What is appended to the audit log: a type code, the subject's id (opaque, not personal data), the actor, attributes
 * made of codes and ids, the policy version that applied and a SHA-256 digest of the inputs.
 *
 * <p>Never put personal data (names, mobiles, resident ids, health values) into an audit record: the audit must be
 * keepable for years (PIPL art. 56: at least 3 years) and showable to auditors. Put a digest of the inputs instead.
 * This value is the idempotency payload of an append. Attributes are kept sorted; at most 64 of them, keys up to 64
 * and values up to 512 characters.
 *
 * @param type a dotted lower-case code, e.g. {@code consent.decision} or a host's own {@code marketing.decision}
 */
public record AuditRecord(String type, PersonId subjectId, String actor, Map<String, String> attributes,
    String policyVersion, String inputDigest) {

  public AuditRecord {
    type = Check.text(type, "audit.type", 100);
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) {
        throw new ValidationException("audit.type", "audit.type_format", "an audit type is a dotted lower-case code");
      }
    }
    actor = actor == null ? null : Check.text(actor, "audit.actor", 200);
    Check.noNulls(attributes == null ? Map.of() : attributes, "audit.attributes");
    TreeMap<String, String> sorted = new TreeMap<>(attributes == null ? Map.of() : attributes);
    Check.inRange(sorted.size(), 0, 64, "audit.attributes");
    sorted.forEach((k, v) -> {
      Check.text(k, "audit.attributes.key", 64);
      Check.that(v.length() <= 512, "audit.attributes." + k, "too_long", "an audit attribute is at most 512 chars");
    });
    attributes = Collections.unmodifiableMap(sorted);
    policyVersion = policyVersion == null ? null : Check.text(policyVersion, "audit.policyVersion", 200);
    inputDigest = inputDigest == null ? null : Check.text(inputDigest, "audit.inputDigest", 128);
  }

  /** A record of {@code type} about {@code subjectId} (may be null) with no other fields; add with the withers. */
  public static AuditRecord of(String type, PersonId subjectId) {
    return new AuditRecord(type, subjectId, null, Map.of(), null, null);
  }

  public AuditRecord withActor(String value) {
    return new AuditRecord(type, subjectId, value, attributes, policyVersion, inputDigest);
  }

  public AuditRecord withAttribute(String key, String value) {
    TreeMap<String, String> m = new TreeMap<>(attributes);
    m.put(Check.notNull(key, "audit.attributes.key"), Check.notNull(value, "audit.attributes." + key));
    return new AuditRecord(type, subjectId, actor, m, policyVersion, inputDigest);
  }

  public AuditRecord withPolicyVersion(String value) {
    return new AuditRecord(type, subjectId, actor, attributes, value, inputDigest);
  }

  public AuditRecord withInputDigest(String value) {
    return new AuditRecord(type, subjectId, actor, attributes, policyVersion, value);
  }

  public Optional<PersonId> subject() {
    return Optional.ofNullable(subjectId);
  }
}
