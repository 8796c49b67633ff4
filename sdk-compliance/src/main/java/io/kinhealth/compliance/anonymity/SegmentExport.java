package io.kinhealth.compliance.anonymity;

import java.util.List;
import java.util.Map;

/**
 * The result of the {@link SegmentExportGate}: the released rows and a report of what was done.
 *
 * @param rows released rows, quasi-identifiers generalised, direct identifiers dropped
 * @param level DE_IDENTIFIED or ANONYMISED (PIPL art. 73)
 * @param k the k that every released group meets
 * @param levels the generalisation level chosen per quasi-identifier column
 * @param suppressedRows how many input rows were withheld because their group stayed smaller than k
 * @param suppressedGroups the generalised quasi-identifier values of withheld groups, with their sizes
 * @param droppedColumns columns removed as direct identifiers
 * @param smallestGroup the size of the smallest released group (0 when nothing is released)
 */
public record SegmentExport(
    List<Map<String, Object>> rows,
    DeidentificationLevel level,
    int k,
    Map<String, Integer> levels,
    int suppressedRows,
    List<SuppressedGroup> suppressedGroups,
    List<String> droppedColumns,
    int smallestGroup) {

  /** One withheld group. */
  public record SuppressedGroup(List<Object> quasiIdentifiers, int size) {}
}
