package io.kinhealth.compliance.anonymity;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The export gate for segments and research extracts: k-anonymity over the quasi-identifiers (as ARX does), with
 * direct identifiers dropped and the output marked de-identified or anonymised (PIPL art. 73).
 *
 * <p>It searches the lattice of generalisation levels in order of total generalisation (least first, ties in a fixed
 * order), and takes the first node at which the rows left in groups smaller than k are at most
 * {@code maxSuppressionRate} of the input; those rows are withheld and reported. Guarantee, checked before
 * returning: no released group of quasi-identifier values is ever smaller than k. If no node meets the suppression
 * limit, the most general node is used (every quasi-identifier suppressed), which releases all rows as one group when
 * there are at least k of them, and nothing otherwise. Immutable and thread-safe.
 */
public final class SegmentExportGate {
  /** The default k. */
  public static final int DEFAULT_K = 5;
  /** Up to 5% of rows may be withheld before the gate generalises further. */
  public static final double DEFAULT_MAX_SUPPRESSION = 0.05;
  private static final int MAX_LATTICE = 100_000;

  private final int k;
  private final double maxSuppressionRate;

  private SegmentExportGate(int k, double maxSuppressionRate) {
    this.k = (int) Check.inRange(k, 2, 1_000_000, "k");
    Check.that(maxSuppressionRate >= 0 && maxSuppressionRate <= 1, "maxSuppressionRate", "out_of_range",
        "maxSuppressionRate is between 0 and 1");
    this.maxSuppressionRate = maxSuppressionRate;
  }

  public static SegmentExportGate ofDefaults() {
    return new SegmentExportGate(DEFAULT_K, DEFAULT_MAX_SUPPRESSION);
  }

  public static SegmentExportGate of(int k, double maxSuppressionRate) {
    return new SegmentExportGate(k, maxSuppressionRate);
  }

  public int k() {
    return k;
  }

  /**
   * Releases {@code rows} with these quasi-identifiers generalised; {@code directIdentifiers} are dropped;
   * {@code pseudonymColumns} (keyed pseudonyms) may stay, which makes the result DE_IDENTIFIED rather than
   * ANONYMISED. Columns not named anywhere are released as they are: list every identifying column.
   */
  public SegmentExport export(List<Map<String, Object>> rows, List<QuasiIdentifier> quasiIdentifiers,
      Set<String> directIdentifiers, Set<String> pseudonymColumns) {
    Check.noNulls(rows, "rows");
    Check.notEmpty(quasiIdentifiers, "quasiIdentifiers");
    Check.noNulls(directIdentifiers, "directIdentifiers");
    Check.noNulls(pseudonymColumns, "pseudonymColumns");
    int q = quasiIdentifiers.size();
    long lattice = 1;
    for (QuasiIdentifier qi : quasiIdentifiers) {
      lattice *= qi.generalisation().levels() + 1;
      if (lattice > MAX_LATTICE) {
        throw new ValidationException("quasiIdentifiers", "anonymity.lattice_too_large",
            "too many quasi-identifier levels to search (more than " + MAX_LATTICE + " combinations)");
      }
    }
    int[] max = new int[q];
    for (int i = 0; i < q; i++) {
      max[i] = quasiIdentifiers.get(i).generalisation().levels();
    }
    int allowed = (int) Math.floor(rows.size() * maxSuppressionRate);
    int[] chosen = null;
    Map<List<Object>, List<Integer>> groups = null;
    for (int[] node : nodesByHeight(max)) {
      Map<List<Object>, List<Integer>> g = group(rows, quasiIdentifiers, node);
      int small = 0;
      for (List<Integer> members : g.values()) {
        if (members.size() < k) {
          small += members.size();
        }
      }
      if (small <= allowed) {
        chosen = node;
        groups = g;
        break;
      }
    }
    if (chosen == null) {
      chosen = max;
      groups = group(rows, quasiIdentifiers, max);
    }
    List<Map<String, Object>> released = new ArrayList<>();
    List<SegmentExport.SuppressedGroup> suppressed = new ArrayList<>();
    int suppressedRows = 0;
    int smallest = Integer.MAX_VALUE;
    for (Map.Entry<List<Object>, List<Integer>> e : groups.entrySet()) {
      List<Integer> members = e.getValue();
      if (members.size() < k) {
        suppressedRows += members.size();
        suppressed.add(new SegmentExport.SuppressedGroup(e.getKey(), members.size()));
        continue;
      }
      smallest = Math.min(smallest, members.size());
      for (int index : members) {
        Map<String, Object> row = rows.get(index);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> col : row.entrySet()) {
          if (!directIdentifiers.contains(col.getKey())) {
            out.put(col.getKey(), col.getValue());
          }
        }
        for (int i = 0; i < q; i++) {
          QuasiIdentifier qi = quasiIdentifiers.get(i);
          out.put(qi.column(), e.getKey().get(i));
        }
        released.add(out);
      }
    }
    verify(released, quasiIdentifiers);
    Map<String, Integer> levels = new LinkedHashMap<>();
    for (int i = 0; i < q; i++) {
      levels.put(quasiIdentifiers.get(i).column(), chosen[i]);
    }
    List<String> dropped = new ArrayList<>(directIdentifiers);
    Collections.sort(dropped);
    boolean pseudonymsReleased = false;
    for (Map<String, Object> r : released) {
      for (String p : pseudonymColumns) {
        if (r.containsKey(p)) {
          pseudonymsReleased = true;
        }
      }
    }
    return new SegmentExport(List.copyOf(released), pseudonymsReleased ? DeidentificationLevel.DE_IDENTIFIED
        : DeidentificationLevel.ANONYMISED, k, Collections.unmodifiableMap(levels), suppressedRows,
        List.copyOf(suppressed), List.copyOf(dropped), released.isEmpty() ? 0 : smallest);
  }

  /** The guarantee, checked on the output itself: every released group has at least k rows. */
  private void verify(List<Map<String, Object>> released, List<QuasiIdentifier> qis) {
    Map<List<Object>, Integer> counts = new HashMap<>();
    for (Map<String, Object> r : released) {
      List<Object> key = new ArrayList<>(qis.size());
      for (QuasiIdentifier qi : qis) {
        key.add(r.get(qi.column()));
      }
      counts.merge(key, 1, Integer::sum);
    }
    for (int c : counts.values()) {
      if (c < k) {
        throw new IllegalStateException("k-anonymity violated by the gate itself; nothing released");
      }
    }
  }

  private static Map<List<Object>, List<Integer>> group(List<Map<String, Object>> rows, List<QuasiIdentifier> qis,
      int[] node) {
    Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      Map<String, Object> row = rows.get(r);
      List<Object> key = new ArrayList<>(qis.size());
      for (int i = 0; i < qis.size(); i++) {
        key.add(qis.get(i).generalisation().generalise(row.get(qis.get(i).column()), node[i]));
      }
      groups.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
    }
    return groups;
  }

  /** Every level vector, ordered by total height, then lexicographically. */
  private static List<int[]> nodesByHeight(int[] max) {
    List<int[]> all = new ArrayList<>();
    int[] cur = new int[max.length];
    while (true) {
      all.add(cur.clone());
      int i = 0;
      while (i < max.length && cur[i] == max[i]) {
        cur[i] = 0;
        i++;
      }
      if (i == max.length) {
        break;
      }
      cur[i]++;
    }
    all.sort((a, b) -> {
      int ha = Arrays.stream(a).sum();
      int hb = Arrays.stream(b).sum();
      return ha != hb ? Integer.compare(ha, hb) : Arrays.compare(a, b);
    });
    return all;
  }
}
