package io.kinhealth.family.observation;

import io.kinhealth.core.validation.Check;

/**
 * A code from a code system, as FHIR writes it: {@code system} (for LOINC {@value #LOINC}), {@code code} and a
 * display text. Types without a verified standard code use the SDK's own system {@value #KINHEALTH}.
 */
public record Coding(String system, String code, String display) {
  public static final String LOINC = "http://loinc.org";
  public static final String KINHEALTH = "urn:kinhealth:observation-type";

  public Coding {
    system = Check.text(system, "coding.system", 200);
    code = Check.text(code, "coding.code", 64);
    display = Check.text(display, "coding.display", 200);
  }

  public static Coding loinc(String code, String display) {
    return new Coding(LOINC, code, display);
  }

  public boolean isLoinc() {
    return LOINC.equals(system);
  }
}
