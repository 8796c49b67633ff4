package io.kinhealth.family.fhir;

/**
 * What an export wrote: the bundle's id and how many resources of each type, plus the members left out because the
 * viewer may see none of their records (a family export), and the summaries skipped (not observations of the member).
 */
public record FhirExportSummary(String bundleId, int patients, int relatedPersons, int observations,
    int documentReferences, int hiddenMembers, int summariesSkipped) {

  public int entries() {
    return patients + relatedPersons + observations + documentReferences;
  }
}
