package io.kinhealth.benchmarks.compliance;

import io.kinhealth.compliance.content.AdRuleBook;
import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.compliance.content.ContentReviewer;
import io.kinhealth.compliance.content.SpellingVariants;
import io.kinhealth.compliance.content.internal.AhoCorasick;
import io.kinhealth.compliance.content.internal.TextNormaliser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Review throughput on about 1 MB of Chinese marketing copy (paragraphs built from the labelled corpus), one
 * operation = the whole document. MB/s = ops/s × {@link #DOCUMENT_BYTES} / 10^6 (the UTF-8 size is printed at set-up
 * and written in benchmarks/README.md).
 *
 * <ul>
 *   <li>{@code kinhealthReviewer}: {@code ContentReviewer.review} on the full rule set, the document in one call;
 *   <li>{@code kinhealthReviewerPerParagraph}: the same, one call per paragraph (how the peer must be fed);
 *   <li>{@code kinhealthReviewerWithoutSpellingVariants}: the same rule book with its generated disguised spellings
 *       (pinyin, initials, homophones, digits) switched off, to show what they cost;
 *   <li>{@code bareAhoCorasick}: normalisation plus one automaton pass over the trigger terms only, no context
 *       checks — the floor the reviewer's context checks are measured against;
 *   <li>{@code sensitiveWordPerParagraph}: {@code com.github.houbb:sensitive-word} 0.25.0 loaded with the same trigger
 *       terms (default dictionaries off), {@code findAll} per paragraph (one call on 1 MB takes tens of seconds: it
 *       copies the text at every position).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AdReviewBenchmark {
  static final int DOCUMENT_BYTES_TARGET = 1_000_000;

  private List<String> paragraphs;
  private String document;
  private ContentReviewer reviewer;
  private ContentReviewer reviewerWithoutVariants;
  private SensitiveWordPeer sensitiveWord;
  private AhoCorasick bare;
  private TextNormaliser normaliser;

  @Setup
  public void setUp() {
    paragraphs = AdCopyCorpus.paragraphs(DOCUMENT_BYTES_TARGET);
    document = String.join("\n", paragraphs);
    reviewer = ContentReviewer.ofDefaults();
    AdRuleBook book = reviewer.ruleBook();
    reviewerWithoutVariants = ContentReviewer.builder().ruleBook(new AdRuleBook(book.version(), book.sources(),
        book.lexicon(), book.rules(), SpellingVariants.NONE)).build();
    sensitiveWord = SensitiveWordPeer.forStandardRules();
    normaliser = TextNormaliser.standard();
    bare = new AhoCorasick(reviewer.ruleBook().triggerTerms().stream().map(normaliser::normaliseTerm).distinct()
        .toList());
    System.out.println("document: " + paragraphs.size() + " paragraphs, " + document.length() + " chars, "
        + document.getBytes(StandardCharsets.UTF_8).length + " UTF-8 bytes");
  }

  @Benchmark
  public int kinhealthReviewer() {
    return reviewer.review(document, ContentChannel.WECHAT_OFFICIAL_ACCOUNT).findings().size();
  }

  @Benchmark
  public int kinhealthReviewerWithoutSpellingVariants() {
    return reviewerWithoutVariants.review(document, ContentChannel.WECHAT_OFFICIAL_ACCOUNT).findings().size();
  }

  @Benchmark
  public int kinhealthReviewerPerParagraph() {
    int n = 0;
    for (String p : paragraphs) {
      n += reviewer.review(p, ContentChannel.WECHAT_OFFICIAL_ACCOUNT).findings().size();
    }
    return n;
  }

  @Benchmark
  public void bareAhoCorasick(Blackhole bh) {
    var text = normaliser.normalise(document);
    char[] chars = text.normalised().toCharArray();
    int[] count = new int[1];
    bare.scan(chars, chars.length, (p, end) -> count[0]++);
    bh.consume(count[0]);
  }

  @Benchmark
  public int sensitiveWordPerParagraph() {
    int n = 0;
    for (String p : paragraphs) {
      n += sensitiveWord.findAll(p).size();
    }
    return n;
  }
}
