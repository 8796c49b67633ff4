package io.kinhealth.compliance.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hand-labelled corpus in {@code ad-corpus.tsv}: channel, expected rule ids, kind, text. A comment line starting
 * {@code # --- Batch N} opens batch N (texts before the first marker are batch 1), so each batch written after the
 * rules were tuned can still be scored on its own.
 */
final class AdCorpus {
  enum Kind { VIOLATION, NEAR_MISS, CLEAN }

  record Entry(int line, int batch, ContentChannel channel, Set<String> expected, Kind kind, String text) {}

  private static final Pattern BATCH = Pattern.compile("^# --- Batch (\\d+)");

  private AdCorpus() {}

  static List<Entry> load() {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = AdCorpus.class.getResourceAsStream("ad-corpus.tsv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      int batch = 1;
      while ((line = reader.readLine()) != null) {
        n++;
        Matcher marker = BATCH.matcher(line);
        if (marker.find()) {
          batch = Integer.parseInt(marker.group(1));
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", 4);
        if (cols.length != 4) {
          throw new IllegalStateException("ad-corpus.tsv line " + n + " needs 4 columns");
        }
        Set<String> expected = cols[1].equals("-") ? Set.of() : new LinkedHashSet<>(Arrays.asList(cols[1].split(",")));
        entries.add(new Entry(n, batch, ContentChannel.parse(cols[0]), expected, Kind.valueOf(cols[2].toUpperCase()),
            cols[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }
}
