package io.kinhealth.compliance.taxonomy;

/** Handles on the data categories of {@link Vocabulary#standard()}; the definitions live in its resource file. */
public final class StandardCategories {
  private StandardCategories() {}

  public static final DataCategory IDENTITY = of("identity");
  public static final DataCategory NAME = of("identity.name");
  public static final DataCategory RESIDENT_ID = of("identity.resident_id");
  public static final DataCategory BIRTH_DATE = of("identity.birth_date");
  public static final DataCategory SEX = of("identity.sex");
  public static final DataCategory ACCOUNT = of("identity.account");
  public static final DataCategory CONTACT = of("contact");
  public static final DataCategory MOBILE = of("contact.mobile");
  public static final DataCategory EMAIL = of("contact.email");
  public static final DataCategory ADDRESS = of("contact.address");
  public static final DataCategory LOCATION = of("location");
  public static final DataCategory FINANCIAL = of("financial");
  public static final DataCategory FINANCIAL_ACCOUNT = of("financial.account");
  public static final DataCategory BIOMETRIC = of("biometric");
  public static final DataCategory HEALTH = of("health");
  public static final DataCategory HEALTH_VITAL_SIGNS = of("health.vital_signs");
  public static final DataCategory HEALTH_PREGNANCY = of("health.pregnancy");
  public static final DataCategory HEALTH_RECORDS = of("health.records");
  public static final DataCategory HEALTH_DIAGNOSIS = of("health.diagnosis");
  public static final DataCategory HEALTH_MEDICATIONS = of("health.medications");
  public static final DataCategory BEHAVIOR = of("behavior");
  public static final DataCategory PURCHASES = of("behavior.purchases");
  public static final DataCategory DEVICE = of("device");

  private static DataCategory of(String code) {
    return Vocabulary.standard().requireCategory(code);
  }
}
