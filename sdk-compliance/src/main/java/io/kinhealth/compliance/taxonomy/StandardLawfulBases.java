package io.kinhealth.compliance.taxonomy;

/** Handles on the lawful bases of PIPL art. 13 in {@link Vocabulary#standard()}. */
public final class StandardLawfulBases {
  private StandardLawfulBases() {}

  public static final LawfulBasis CONSENT = of("consent");
  public static final LawfulBasis CONTRACT = of("contract");
  public static final LawfulBasis LEGAL_OBLIGATION = of("legal_obligation");
  public static final LawfulBasis VITAL_INTEREST = of("vital_interest");
  public static final LawfulBasis PUBLIC_INTEREST_REPORTING = of("public_interest_reporting");
  public static final LawfulBasis PUBLIC_INFORMATION = of("public_information");
  public static final LawfulBasis OTHER_LAW = of("other_law");

  private static LawfulBasis of(String code) {
    return Vocabulary.standard().requireLawfulBasis(code);
  }
}
