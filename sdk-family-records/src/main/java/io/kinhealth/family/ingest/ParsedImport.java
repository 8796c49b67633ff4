package io.kinhealth.family.ingest;

import io.kinhealth.core.validation.Check;
import io.kinhealth.family.observation.Reading;
import java.util.List;
import java.util.Map;

/**
 * The outcome of parsing an import file, before anything is stored: the readings found, the records ignored by
 * design, and the records rejected or warned about (with their location).
 */
public record ParsedImport(
    int recordsRead,
    List<Reading> readings,
    Map<String, Integer> ignored,
    List<ImportIssue> rejected,
    List<ImportIssue> warnings) {

  public ParsedImport {
    Check.notNegative(recordsRead, "recordsRead");
    readings = List.copyOf(Check.noNulls(readings, "readings"));
    ignored = Map.copyOf(Check.noNulls(ignored, "ignored"));
    rejected = List.copyOf(Check.noNulls(rejected, "rejected"));
    warnings = List.copyOf(Check.noNulls(warnings, "warnings"));
  }
}
