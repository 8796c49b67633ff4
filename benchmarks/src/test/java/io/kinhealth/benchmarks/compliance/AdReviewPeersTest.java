package io.kinhealth.benchmarks.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.compliance.content.ContentReviewer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AdReviewPeersTest {

  @Test
  @DisplayName("sensitive-word is loaded with the rule book's trigger terms only, none of its default dictionary")
  void peerUsesTheSameTerms() {
    SensitiveWordPeer peer = SensitiveWordPeer.forStandardRules();
    assertThat(peer.findAll("本院保证治愈，全国第一")).containsExactlyInAnyOrder("保证治愈", "全国第一");
    assertThat(peer.rules("本院保证治愈")).containsExactly("ad.efficacy_guarantee");
    // Its default dictionary would flag words such as these; with it off, only the rule book's terms count.
    assertThat(peer.findAll("今天天气很好，我们去公园散步")).isEmpty();
  }

  @Test
  @DisplayName("the benchmark document and the accuracy run read the labelled corpus from the source tree")
  void corpusIsReachableFromTheRepositoryRoot() {
    Path corpus = Path.of("..").resolve(AdCopyCorpus.DEFAULT_PATH);
    assertThat(Files.isReadable(corpus)).isTrue();
    System.setProperty("kinhealth.adCorpus", corpus.toString());
    try {
      assertThat(AdCopyCorpus.load()).hasSizeGreaterThanOrEqualTo(200);
      ContentReviewer reviewer = ContentReviewer.ofDefaults();
      AdReviewAccuracy.Score ours = AdReviewAccuracy.score(AdCopyCorpus.load(),
          e -> reviewer.review(e.text(), e.channel()).ruleIds());
      assertThat(ours.precision()).isGreaterThanOrEqualTo(0.95);
      assertThat(AdCopyCorpus.paragraphs(50_000)).isNotEmpty();
    } finally {
      System.clearProperty("kinhealth.adCorpus");
    }
  }
}
