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

/** The hand-labelled corpus in {@code ad-corpus.tsv}: channel, expected rule ids, kind, text. */
final class AdCorpus {
  enum Kind { VIOLATION, NEAR_MISS, CLEAN }

  record Entry(int line, ContentChannel channel, Set<String> expected, Kind kind, String text) {}

  private AdCorpus() {}

  static List<Entry> load() {
    List<Entry> entries = new ArrayList<>();
    try (InputStream in = AdCorpus.class.getResourceAsStream("ad-corpus.tsv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = reader.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", 4);
        if (cols.length != 4) {
          throw new IllegalStateException("ad-corpus.tsv line " + n + " needs 4 columns");
        }
        Set<String> expected = cols[1].equals("-") ? Set.of() : new LinkedHashSet<>(Arrays.asList(cols[1].split(",")));
        entries.add(new Entry(n, ContentChannel.parse(cols[0]), expected, Kind.valueOf(cols[2].toUpperCase()),
            cols[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }
}
