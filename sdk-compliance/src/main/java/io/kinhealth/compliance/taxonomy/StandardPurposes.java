package io.kinhealth.compliance.taxonomy;

/** Handles on the purposes of {@link Vocabulary#standard()}; the definitions live in its resource file. */
public final class StandardPurposes {
  private StandardPurposes() {}

  public static final Purpose TREATMENT = of("treatment");
  public static final Purpose FOLLOW_UP = of("follow_up");
  public static final Purpose HEALTH_MONITORING = of("health_monitoring");
  public static final Purpose FAMILY_SHARING = of("family_sharing");
  public static final Purpose MARKETING = of("marketing");
  public static final Purpose RESEARCH = of("research");
  public static final Purpose INSURANCE_UNDERWRITING = of("insurance_underwriting");
  public static final Purpose REFERRAL_ATTRIBUTION = of("referral_attribution");

  private static Purpose of(String code) {
    return Vocabulary.standard().requirePurpose(code);
  }
}
