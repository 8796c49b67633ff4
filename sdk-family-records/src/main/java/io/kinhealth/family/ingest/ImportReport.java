package io.kinhealth.family.ingest;

import io.kinhealth.core.validation.Check;
import java.util.List;
import java.util.Map;

/**
 * What an import did: how many records it read, how many became stored readings, how many were already stored
 * (a re-import of the same export is harmless), which rows it ignored by design (grouped by kind, e.g. Dexcom
 * alert-setting rows), and every record it rejected with the reason.
 */
public record ImportReport(
    int recordsRead,
    int imported,
    int alreadyPresent,
    Map<String, Integer> ignored,
    List<ImportIssue> rejected,
    List<ImportIssue> warnings) {

  public ImportReport {
    Check.notNegative(recordsRead, "recordsRead");
    Check.notNegative(imported, "imported");
    Check.notNegative(alreadyPresent, "alreadyPresent");
    ignored = Map.copyOf(Check.noNulls(ignored, "ignored"));
    rejected = List.copyOf(Check.noNulls(rejected, "rejected"));
    warnings = List.copyOf(Check.noNulls(warnings, "warnings"));
  }

  public int ignoredTotal() {
    return ignored.values().stream().mapToInt(Integer::intValue).sum();
  }
}
