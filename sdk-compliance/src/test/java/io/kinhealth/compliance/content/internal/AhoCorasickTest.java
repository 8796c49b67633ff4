package io.kinhealth.compliance.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {

  @Test
  @DisplayName("overlapping and nested patterns are all reported, ordered by end offset")
  void reportsOverlappingMatches() {
    AhoCorasick ac = new AhoCorasick(List.of("保证治愈", "治愈", "治愈率", "证治"));
    List<String> found = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    char[] text = "保证治愈率".toCharArray();
    ac.scan(text, text.length, (p, end) -> {
      found.add(p + "@" + end);
      ends.add(end);
    });
    assertThat(found).containsExactlyInAnyOrder("3@3", "0@4", "1@4", "2@5");
    assertThat(ends).isSorted();
  }

  @RepeatedTest(50)
  @DisplayName("on random patterns and texts it finds exactly what a naive search finds")
  void agreesWithNaiveSearch(RepetitionInfo info) {
    long seed = 0xC0FFEEL + info.getCurrentRepetition();
    Random random = new Random(seed);
    String alphabet = "保证治愈率有效期ab";
    Set<String> patterns = new LinkedHashSet<>();
    int count = 1 + random.nextInt(40);
    while (patterns.size() < count) {
      patterns.add(randomString(random, alphabet, 1 + random.nextInt(5)));
    }
    List<String> list = new ArrayList<>(patterns);
    String text = randomString(random, alphabet, random.nextInt(400));
    assertThat(automatonMatches(list, text)).as("seed %d", seed).isEqualTo(naiveMatches(list, text));
  }

  @RepeatedTest(20)
  @DisplayName("with thousands of patterns over a wide alphabet (class masks collide, states renumbered) it still agrees")
  void agreesWithNaiveSearchOnLargeAutomata(RepetitionInfo info) {
    long seed = 0xBEEFL + info.getCurrentRepetition();
    Random random = new Random(seed);
    StringBuilder wide = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      wide.append((char) ('\u4E00' + random.nextInt(0x5000)));
    }
    String alphabet = wide.append("0123456789abcxyz").toString();
    Set<String> patterns = new LinkedHashSet<>();
    while (patterns.size() < 3000) {
      patterns.add(randomString(random, alphabet.substring(0, 40 + random.nextInt(alphabet.length() - 40)),
          1 + random.nextInt(6)));
    }
    List<String> list = new ArrayList<>(patterns);
    String text = randomString(random, alphabet.substring(0, 60), 3000);
    assertThat(automatonMatches(list, text)).as("seed %d", seed).isEqualTo(naiveMatches(list, text));
  }

  private static Set<String> automatonMatches(List<String> patterns, String text) {
    Set<String> found = new HashSet<>();
    new AhoCorasick(patterns).scan(text.toCharArray(), text.length(), (p, end) -> found.add(p + "@" + end));
    return found;
  }

  private static Set<String> naiveMatches(List<String> patterns, String text) {
    Set<String> found = new HashSet<>();
    for (int p = 0; p < patterns.size(); p++) {
      String pattern = patterns.get(p);
      for (int i = text.indexOf(pattern); i >= 0; i = text.indexOf(pattern, i + 1)) {
        found.add(p + "@" + (i + pattern.length()));
      }
    }
    return found;
  }

  private static String randomString(Random random, String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
