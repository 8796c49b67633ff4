package io.kinhealth.family.fhir;

import io.kinhealth.core.validation.Check;
import java.time.Instant;

/**
 * How a Bundle is written: its id and timestamp, and whether the JSON is indented (for people; compact for machines).
 */
public record FhirExportOptions(String bundleId, Instant timestamp, boolean pretty) {
  public FhirExportOptions {
    bundleId = FhirIds.id("Bundle", Check.notBlank(bundleId, "bundleId"));
    Check.notNull(timestamp, "timestamp");
  }

  public static FhirExportOptions compact(String bundleId, Instant timestamp) {
    return new FhirExportOptions(bundleId, timestamp, false);
  }
}
