package io.kinhealth.family.document;

import io.kinhealth.family.observation.Coding;
import java.util.Optional;

/**
 * Kinds of health document a member keeps, each with the consent data category reading it falls under by default
 * and, where one is established, the LOINC document code FHIR's {@code DocumentReference.type} carries (prescription
 * 57833-6, discharge summary 18842-5, laboratory report 11502-2, diagnostic imaging 18748-4). Kinds without a LOINC
 * code the SDK team could confirm carry only the SDK's own code ({@value #SYSTEM}).
 */
public enum DocumentType {
  CHECKUP_REPORT("Health checkup report", "体检报告", null, "health.records"),
  LAB_REPORT("Laboratory report", "化验单", Coding.loinc("11502-2", "Laboratory report"), "health.records"),
  IMAGING_REPORT("Diagnostic imaging study", "影像报告", Coding.loinc("18748-4", "Diagnostic imaging study"),
      "health.records"),
  PRESCRIPTION("Prescription", "处方", Coding.loinc("57833-6", "Prescription for medication"), "health.medications"),
  DISCHARGE_SUMMARY("Discharge summary", "出院小结", Coding.loinc("18842-5", "Discharge summary"), "health.records"),
  PRENATAL_RECORD("Prenatal checkup record", "产检记录", null, "health.pregnancy"),
  OTHER("Other health document", "其他资料", null, "health.records");

  /** The SDK's own code system for document kinds. */
  public static final String SYSTEM = "https://kinhealth.io/fhir/CodeSystem/document-type";

  private final String display;
  private final String displayZh;
  private final Coding loinc;
  private final String defaultCategory;

  DocumentType(String display, String displayZh, Coding loinc, String defaultCategory) {
    this.display = display;
    this.displayZh = displayZh;
    this.loinc = loinc;
    this.defaultCategory = defaultCategory;
  }

  public String display() {
    return display;
  }

  public String displayZh() {
    return displayZh;
  }

  public Optional<Coding> loinc() {
    return Optional.ofNullable(loinc);
  }

  /** The SDK's code for the kind, e.g. {@code discharge-summary}. */
  public Coding coding() {
    return new Coding(SYSTEM, name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), display);
  }

  /** The consent category a document of this kind falls under unless the member says otherwise. */
  public String defaultCategory() {
    return defaultCategory;
  }

  /** The kind for an SDK code such as {@code discharge-summary}. */
  public static Optional<DocumentType> ofCode(String code) {
    for (DocumentType t : values()) {
      if (t.coding().code().equals(code)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
