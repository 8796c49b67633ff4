package io.kinhealth.benchmarks.compliance;

import io.kinhealth.compliance.content.ContentChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compliance module's hand-labelled corpus ({@code ad-corpus.tsv}), read from the source tree so the benchmark
 * and the unit test measure the same texts. Run from the repository root, or point {@code -Dkinhealth.adCorpus} at
 * the file.
 */
public final class AdCopyCorpus {
  /** Default location, relative to the repository root. */
  public static final String DEFAULT_PATH =
      "sdk-compliance/src/test/resources/io/kinhealth/compliance/content/ad-corpus.tsv";

  /** One labelled text; {@code batch} counts the corpus's {@code # --- Batch N} markers (batch 1 before the first). */
  public record Entry(int batch, ContentChannel channel, Set<String> expected, String text) {}

  private static final Pattern BATCH = Pattern.compile("^# --- Batch (\\d+)");

  private AdCopyCorpus() {}

  public static List<Entry> load() {
    Path path = Path.of(System.getProperty("kinhealth.adCorpus", DEFAULT_PATH));
    if (!Files.isReadable(path)) {
      throw new IllegalStateException("corpus not found at " + path.toAbsolutePath()
          + ": run from the repository root or set -Dkinhealth.adCorpus=<path to ad-corpus.tsv>");
    }
    List<Entry> entries = new ArrayList<>();
    int batch = 1;
    try {
      for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
        Matcher marker = BATCH.matcher(line);
        if (marker.find()) {
          batch = Integer.parseInt(marker.group(1));
        }
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cols = line.split("\t", 4);
        Set<String> expected = cols[1].equals("-") ? Set.of() : new LinkedHashSet<>(Arrays.asList(cols[1].split(",")));
        entries.add(new Entry(batch, ContentChannel.parse(cols[0]), expected, cols[3]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /**
   * Paragraphs of Chinese marketing copy built from the corpus: three texts to a paragraph, shuffled with a fixed
   * seed, repeated until the UTF-8 size reaches {@code targetBytes}.
   */
  public static List<String> paragraphs(int targetBytes) {
    List<String> texts = new ArrayList<>(load().stream().map(Entry::text).toList());
    Random random = new Random(20261125L);
    List<String> paragraphs = new ArrayList<>();
    int bytes = 0;
    while (bytes < targetBytes) {
      Collections.shuffle(texts, random);
      for (int i = 0; i + 3 <= texts.size() && bytes < targetBytes; i += 3) {
        String p = texts.get(i) + texts.get(i + 1) + texts.get(i + 2);
        paragraphs.add(p);
        bytes += p.getBytes(StandardCharsets.UTF_8).length + 1;
      }
    }
    return paragraphs;
  }
}
