package io.kinhealth.benchmarks.compliance;

import io.kinhealth.compliance.content.ContentReviewer;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Precision and recall of the SDK's reviewer and of sensitive-word (loaded with the same trigger terms) on the
 * labelled corpus, scored per (text, rule) exactly as {@code AdCorpusTest} scores the reviewer. Run from the
 * repository root: {@code java -cp benchmarks/target/benchmarks.jar
 * io.kinhealth.benchmarks.compliance.AdReviewAccuracy}.
 */
public final class AdReviewAccuracy {
  private AdReviewAccuracy() {}

  /** Rule-level counts of one tool. */
  public record Score(int tp, int fp, int fn, int flaggedViolating, int flaggedCompliant, int violating,
      int compliant) {
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }
  }

  public static Score score(List<AdCopyCorpus.Entry> corpus, Function<AdCopyCorpus.Entry, Set<String>> tool) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int flaggedViolating = 0;
    int flaggedCompliant = 0;
    int violating = 0;
    for (AdCopyCorpus.Entry e : corpus) {
      Set<String> found = tool.apply(e);
      boolean isViolating = !e.expected().isEmpty();
      violating += isViolating ? 1 : 0;
      if (!found.isEmpty()) {
        if (isViolating) {
          flaggedViolating++;
        } else {
          flaggedCompliant++;
        }
      }
      for (String r : found) {
        if (e.expected().contains(r)) {
          tp++;
        } else {
          fp++;
        }
      }
      for (String r : e.expected()) {
        if (!found.contains(r)) {
          fn++;
        }
      }
    }
    return new Score(tp, fp, fn, flaggedViolating, flaggedCompliant, violating, corpus.size() - violating);
  }

  public static void main(String[] args) {
    List<AdCopyCorpus.Entry> corpus = AdCopyCorpus.load();
    ContentReviewer reviewer = ContentReviewer.ofDefaults();
    SensitiveWordPeer peer = SensitiveWordPeer.forStandardRules();
    Function<AdCopyCorpus.Entry, Set<String>> kinhealth = e -> reviewer.review(e.text(), e.channel()).ruleIds();
    Function<AdCopyCorpus.Entry, Set<String>> sensitiveWord = e -> peer.rules(e.text());
    System.out.println("whole corpus, " + corpus.size() + " texts (rule book " + reviewer.ruleBook().version() + ")");
    print("KinHealth ContentReviewer", score(corpus, kinhealth));
    print("sensitive-word 0.25.0 (same trigger terms)", score(corpus, sensitiveWord));
    // Batches after the first were written after tuning began; each was scored before the rules saw it.
    new TreeMap<>(corpus.stream().collect(Collectors.groupingBy(AdCopyCorpus.Entry::batch))).forEach((b, texts) -> {
      System.out.println("batch " + b + ", " + texts.size() + " texts");
      print("  KinHealth ContentReviewer", score(texts, kinhealth));
      print("  sensitive-word 0.25.0", score(texts, sensitiveWord));
    });
  }

  private static void print(String tool, Score s) {
    System.out.printf("%-45s precision %.3f  recall %.3f  (TP %d, FP %d, FN %d); texts flagged: %d of %d violating,"
            + " %d of %d compliant%n", tool, s.precision(), s.recall(), s.tp(), s.fp(), s.fn(), s.flaggedViolating(),
        s.violating(), s.flaggedCompliant(), s.compliant());
  }
}
