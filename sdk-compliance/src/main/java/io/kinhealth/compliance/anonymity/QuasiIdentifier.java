package io.kinhealth.compliance.anonymity;

import io.kinhealth.core.validation.Check;

/** A column that could re-identify someone in combination with others (age, region, sex, visit date). */
public record QuasiIdentifier(String column, Generalisation generalisation) {
  public QuasiIdentifier {
    column = Check.text(column, "column", 128);
    Check.notNull(generalisation, "generalisation");
  }
}
