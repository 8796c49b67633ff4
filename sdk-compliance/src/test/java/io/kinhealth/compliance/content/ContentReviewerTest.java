package io.kinhealth.compliance.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ContentReviewerTest {
  private static final ContentReviewer REVIEWER = ContentReviewer.ofDefaults();

  @Nested
  @DisplayName("spans")
  class Spans {
    @Test
    @DisplayName("every finding's excerpt is exactly the original text at its span, across the whole corpus")
    void excerptsAreOriginalText() {
      for (AdCorpus.Entry e : AdCorpus.load()) {
        for (AdFinding f : REVIEWER.review(e.text(), e.channel()).findings()) {
          assertThat(e.text().substring(f.start(), f.end())).as("line %d", e.line()).isEqualTo(f.excerpt());
        }
      }
    }

    @Test
    @DisplayName("findings are ordered by position")
    void orderedByPosition() {
      ContentReview review = REVIEWER.review("全国第一的医院，保证治愈，治愈率95%，明星推荐！");
      assertThat(review.findings()).isSortedAccordingTo(Comparator.comparingInt(AdFinding::start));
      assertThat(review.ruleIds()).containsExactly("ad.absolute_terms", "ad.efficacy_guarantee", "ad.cure_rate",
          "ad.endorsement");
    }

    @Test
    @DisplayName("a disguised spelling is found and its span covers the disguise in the original text")
    void disguisedSpellings() {
      assertThat(REVIEWER.review("本院承诺：保 证 治 愈").findings()).singleElement()
          .extracting(AdFinding::excerpt).isEqualTo("保 证 治 愈");
      assertThat(REVIEWER.review("保證治癒，無效退款").findings()).extracting(AdFinding::excerpt)
          .containsExactly("保證治癒", "無效退款");
      assertThat(REVIEWER.review("ＮＯ．１的整形医院").findings()).extracting(AdFinding::excerpt)
          .containsExactly("ＮＯ．１");
    }

    @RepeatedTest(30)
    @DisplayName("spaces, separators, full-width and traditional forms never hide an unconditional trigger")
    void obfuscationNeverHidesATrigger(RepetitionInfo info) {
      long seed = 4242L + info.getCurrentRepetition();
      Random random = new Random(seed);
      List<String> terms = REVIEWER.ruleBook().rules().stream()
          .filter(r -> r.channels().isEmpty())
          .flatMap(r -> r.patterns().stream().filter(ContentReviewerTest::unconditional))
          .flatMap(p -> p.terms().stream())
          .filter(t -> t.codePoints().allMatch(Character::isIdeographic))
          .toList();
      for (int i = 0; i < 20; i++) {
        String term = terms.get(random.nextInt(terms.size()));
        String disguised = disguise(term, random);
        String text = "今天介绍一下，" + disguised + "。";
        ContentReview review = REVIEWER.review(text);
        assertThat(review.findings()).as("seed %d, text %s", seed, text)
            .anySatisfy(f -> assertThat(f.excerpt()).isEqualTo(disguised));
      }
    }
  }

  static boolean unconditional(AdRule.Pattern p) {
    return p.followedBy().isEmpty() && p.notFollowedBy().isEmpty() && p.precededBy().isEmpty()
        && p.notPrecededBy().isEmpty() && p.nearby() == null && p.notNearby() == null && p.number() == null
        && p.pageRequires().isEmpty() && p.pageUnless().isEmpty() && p.prefixedBy() == null;
  }

  private static String disguise(String term, Random random) {
    String[] separators = {" ", "\u3000", ".", "*", "·", "\u200B", "-"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < term.length(); i++) {
      sb.append(term.charAt(i));
      if (i < term.length() - 1 && random.nextBoolean()) {
        sb.append(separators[random.nextInt(separators.length)]);
      }
    }
    String s = sb.toString();
    return s.replace('证', random.nextBoolean() ? '證' : '证').replace('国', random.nextBoolean() ? '國' : '国');
  }

  @Nested
  @DisplayName("behaviour")
  class Behaviour {
    @Test
    @DisplayName("the same text gives the same review, with the rule book's version")
    void deterministic() {
      String text = "科普：扫码加微信，全国第一，治愈率99%";
      assertThat(REVIEWER.review(text)).isEqualTo(REVIEWER.review(text));
      assertThat(REVIEWER.review(text).ruleBookVersion()).isEqualTo(REVIEWER.ruleBook().version());
    }

    @Test
    @DisplayName("empty text has no findings")
    void emptyText() {
      assertThat(REVIEWER.review("").violates()).isFalse();
    }

    @Test
    @DisplayName("a long article is reviewed end to end")
    void longArticle() {
      String paragraph = "秋冬季节是心脑血管疾病高发期，老年人要注意保暖，规律服药。";
      String article = paragraph.repeat(20_000) + "本院保证治愈。";
      ContentReview review = REVIEWER.review(article);
      assertThat(review.findings()).singleElement().extracting(AdFinding::start)
          .isEqualTo(article.indexOf("保证治愈"));
    }

    @Test
    @DisplayName("null text or channel and oversized text are refused naming the field")
    void badInput() {
      assertThatThrownBy(() -> REVIEWER.review(null)).isInstanceOf(ValidationException.class)
          .hasFieldOrPropertyWithValue("reason", "required").satisfies(e ->
              assertThat(((ValidationException) e).field()).contains("text"));
      assertThatThrownBy(() -> REVIEWER.review("x", null)).isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).field()).contains("channel"));
      String huge = "a".repeat(ContentReviewer.MAX_TEXT_LENGTH + 1);
      assertThatThrownBy(() -> REVIEWER.review(huge)).isInstanceOf(ValidationException.class)
          .hasFieldOrPropertyWithValue("reason", "content.text.too_long");
    }

    @Test
    @DisplayName("channel names and aliases parse; an unknown channel is refused")
    void channels() {
      assertThat(ContentChannel.parse("SMS")).isEqualTo(ContentChannel.SMS);
      assertThat(ContentChannel.parse("moments")).isEqualTo(ContentChannel.WECHAT_MOMENTS);
      assertThat(ContentChannel.parse("小红书")).isEqualTo(ContentChannel.XIAOHONGSHU);
      assertThat(ContentChannel.parse(null)).isEqualTo(ContentChannel.UNSPECIFIED);
      assertThatThrownBy(() -> ContentChannel.parse("fax")).isInstanceOf(ValidationException.class)
          .hasFieldOrPropertyWithValue("reason", "content.channel.unknown");
    }
  }

  @Nested
  @DisplayName("context mechanisms")
  class Mechanisms {
    @Test
    @DisplayName("pinyin, initials, homophones and digits that disguise a trigger are found, spans in the original")
    void disguisedSpellings() {
      assertThat(REVIEWER.review("种植牙失败，无效tui款！").findings()).extracting(AdFinding::excerpt)
          .contains("无效tui款");
      assertThat(REVIEWER.review("敏感肌也能做，wfzy，dddd").findings()).extracting(AdFinding::excerpt)
          .containsExactly("wfzy");
      assertThat(REVIEWER.review("小针刀立杆见影").findings()).extracting(AdFinding::excerpt)
          .containsExactly("立杆见影");
      assertThat(REVIEWER.review("ZHI愈率95%").findings()).extracting(AdFinding::ruleId, AdFinding::excerpt)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("ad.cure_rate", "ZHI愈率95%"));
      assertThat(REVIEWER.review("第１植发品牌").findings()).extracting(AdFinding::excerpt).containsExactly("第１");
      assertThat(REVIEWER.review("0风险，放心做").findings()).extracting(AdFinding::excerpt).containsExactly("0风险");
    }

    @Test
    @DisplayName("a generated spelling counts only where its letters or digits stand alone")
    void generatedSpellingsStandAlone() {
      assertThat(REVIEWER.review("第12届学术年会在本院召开").violates()).isFalse();
      assertThat(REVIEWER.review("10风险因素评估表").violates()).isFalse();
      assertThat(REVIEWER.review("无效tuition").violates()).isFalse();
      assertThat(REVIEWER.review("wfzy dddd").findings()).extracting(AdFinding::excerpt).containsExactly("wfzy");
    }

    @Test
    @DisplayName("a claim prefix joins its trigger, through a filler, and negation is read before the prefix")
    void claimPrefixes() {
      assertThat(REVIEWER.review("这款敷料没有任何副作用，孕妇可用").findings()).singleElement()
          .extracting(AdFinding::excerpt).isEqualTo("没有任何副作用");
      assertThat(REVIEWER.review("植发术后不留疤痕").findings()).extracting(AdFinding::excerpt)
          .containsExactly("不留疤痕");
      assertThat(REVIEWER.review("任何药物都并非没有副作用").violates()).isFalse();
      assertThat(REVIEWER.review("如有不良反应请及时就医").violates()).isFalse();
    }

    @Test
    @DisplayName("a disclaimer right after a trigger takes it back")
    void disclaimers() {
      assertThat(REVIEWER.review("本周消费满200元送停车券一张（与评价无关）", ContentChannel.MEITUAN_REVIEW_PROMPT)
          .violates()).isFalse();
      assertThat(REVIEWER.review("本周写评价送停车券一张", ContentChannel.MEITUAN_REVIEW_PROMPT).ruleIds())
          .containsExactly("ad.incentivised_review");
    }

    @Test
    @DisplayName("proportions written out count as rates: 十个里有九个, 三分之二, 十之八九")
    void proportions() {
      assertThat(REVIEWER.review("腰突患者十个里有九个都治好了").findings()).singleElement().satisfies(f -> {
        assertThat(f.ruleId()).isEqualTo("ad.cure_rate");
        assertThat(f.excerpt()).startsWith("十个里");
      });
      assertThat(REVIEWER.review("三分之二的患者已经痊愈").ruleIds()).containsExactly("ad.cure_rate");
      assertThat(REVIEWER.review("十个人里总有一个人是过敏体质").violates()).isFalse();
    }

    @Test
    @DisplayName("emoji between the characters of a trigger do not hide it")
    void emojiInsideTriggers() {
      assertThat(REVIEWER.review("鼻炎✨根✨治✨方案来啦").findings()).extracting(AdFinding::excerpt)
          .containsExactly("根✨治");
    }
  }

  @Nested
  @DisplayName("rule books")
  class RuleBooks {
    private static final String CUSTOM = """
        {"version": "test-1", "sources": ["内部规范"],
         "lexicon": {"negators": ["不"], "warnings": ["警惕"]},
         "rules": [{"id": "house.no_miracle", "law": "院内规范", "article": "第3条", "severity": "LOW",
                    "suggestion": "删去“神奇”", "patterns": [{"terms": ["神奇疗效"]}], "exceptions": ["神奇疗效的真相"]}]}
        """;

    @Test
    @DisplayName("a compliance officer's own rule book is applied as written")
    void customRuleBook() throws Exception {
      AdRuleBook book = AdRuleBook.read(new ByteArrayInputStream(CUSTOM.getBytes(StandardCharsets.UTF_8)));
      ContentReviewer reviewer = ContentReviewer.builder().ruleBook(book).build();
      assertThat(reviewer.review("神奇疗效，一试便知").findings()).singleElement().satisfies(f -> {
        assertThat(f.ruleId()).isEqualTo("house.no_miracle");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.article()).isEqualTo("第3条");
      });
      assertThat(reviewer.review("揭秘神奇疗效的真相").violates()).isFalse();
      assertThat(reviewer.review("警惕神奇疗效").violates()).isFalse();
      assertThat(reviewer.review("保证治愈").violates()).isFalse();
    }

    @Test
    @DisplayName("word families in combine are read as every combination; generated spellings only when asked for")
    void combinedFamilies() throws Exception {
      AdRuleBook book = read(CUSTOM.replace("\"patterns\": [{\"terms\": [\"神奇疗效\"]}]",
          "\"patterns\": [{\"terms\": [\"神奇疗效\"], \"combine\": [[[\"彻底\", \"完全\"], [\"治好\", \"治愈\"]]]}]"));
      assertThat(book.rules().get(0).triggerTerms()).containsExactly("神奇疗效", "彻底治好", "彻底治愈", "完全治好",
          "完全治愈");
      ContentReviewer reviewer = ContentReviewer.builder().ruleBook(book).build();
      assertThat(reviewer.review("保证完全治愈").ruleIds()).containsExactly("house.no_miracle");
      assertThat(book.spellingVariants()).isEqualTo(SpellingVariants.NONE);
      assertThat(reviewer.review("完全zhi愈").violates()).isFalse();
      assertThatThrownBy(() -> read(CUSTOM.replace("\"patterns\": [{\"terms\": [\"神奇疗效\"]}]",
          "\"patterns\": [{\"terms\": [\"神奇疗效\"], \"combine\": [[[\"彻底\"], []]]}]")))
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).field()).contains("rules[0].patterns[0].combine[0][1]"));
    }

    @Test
    @DisplayName("a malformed rule book is rejected naming the offending path")
    void malformed() {
      assertThatThrownBy(() -> read(CUSTOM.replace("\"id\": \"house.no_miracle\", ", "")))
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).field()).contains("rules[0].id"));
      assertThatThrownBy(() -> read(CUSTOM.replace("\"LOW\"", "\"URGENT\"")))
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).field()).contains("rules[0].severity"));
      assertThatThrownBy(() -> read(CUSTOM.replace("[\"神奇疗效\"]", "[]")))
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).field()).hasValueSatisfying(
              f -> assertThat(f).startsWith("rules[0].patterns[0]")));
      assertThatThrownBy(() -> ContentReviewer.builder().ruleBook(read(CUSTOM.replace("[\"神奇疗效\"]", "[\" \"]")))
          .build())
          .isInstanceOf(ValidationException.class)
          .hasFieldOrPropertyWithValue("reason", "content.rule_book.blank_term");
    }

    @Test
    @DisplayName("the shipped rule book cites its sources and has unique rule ids")
    void shippedBook() {
      AdRuleBook book = AdRuleBook.standard();
      assertThat(book.version()).isNotBlank();
      assertThat(book.sources()).anyMatch(s -> s.contains("广告法"));
      assertThat(book.rules()).extracting(AdRule::id).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(11);
      assertThat(book.rules()).allSatisfy(r -> assertThat(r.article()).isNotBlank());
    }

    private AdRuleBook read(String json) throws Exception {
      return AdRuleBook.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
