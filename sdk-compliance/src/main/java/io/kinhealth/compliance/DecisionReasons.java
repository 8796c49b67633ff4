package io.kinhealth.compliance;

/**
 * The stable codes of {@link DecisionReason}s, so hosts can switch on them. Each reason also carries its article.
 */
public final class DecisionReasons {
  private DecisionReasons() {}

  public static final String UNKNOWN_PURPOSE = "decision.unknown_purpose";
  public static final String UNKNOWN_CATEGORY = "decision.unknown_category";
  public static final String UNKNOWN_ACTION = "decision.unknown_action";
  public static final String SUBJECT_ACCESS = "decision.subject_access";
  public static final String LAWFUL_BASIS = "decision.lawful_basis";
  public static final String CONSENT_IN_FORCE = "decision.consent_in_force";
  public static final String MASKING_REQUIRED = "decision.masking_required";
  public static final String NO_CONSENT = "decision.no_consent";
  public static final String SEPARATE_CONSENT_REQUIRED = "decision.separate_consent_required";
  public static final String GUARDIAN_CONSENT_REQUIRED = "decision.guardian_consent_required";
  public static final String GUARDIAN_CONSENT_AGED_OUT = "decision.guardian_consent_aged_out";
  public static final String RECIPIENT_NOT_NAMED = "decision.recipient_not_named";
  public static final String RECIPIENT_UNSPECIFIED = "decision.recipient_unspecified";
  public static final String CONSENT_EXPIRED = "decision.consent_expired";
  public static final String CONSENT_STALE = "decision.consent_stale";
  public static final String REFUSED = "decision.refused";
  public static final String AGE_UNKNOWN = "decision.age_unknown";
  public static final String LEGAL_HOLD = "decision.legal_hold";
  public static final String ERROR = "decision.error";
  public static final String AUDIT_FAILED = "decision.audit_failed";
}
