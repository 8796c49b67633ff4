package io.kinhealth.compliance.marketing;

/** The stable codes of {@link GateReason}s. */
public final class GateReasons {
  private GateReasons() {}

  /** The copy breaks medical-advertising rules; the detail lists the rule ids. */
  public static final String CONTENT = "marketing.content_violation";
  /** No consent in force permits marketing to this person, or they refused it (PIPL arts. 13, 24, 44). */
  public static final String CONSENT = "marketing.consent_denied";
  /** The person unsubscribed from this channel or from all marketing. */
  public static final String UNSUBSCRIBED = "marketing.unsubscribed";
  /** The person already received the configured number of messages on this channel within the window. */
  public static final String FREQUENCY_CAP = "marketing.frequency_cap";
  /** It is night in the recipient's zone. */
  public static final String QUIET_HOURS = "marketing.quiet_hours";
  /** A marketing SMS without an opt-out instruction such as 回T退订 (广告法 art. 43). */
  public static final String SMS_OPT_OUT = "marketing.sms_opt_out_missing";
}
