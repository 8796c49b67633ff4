package io.kinhealth.compliance.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AdReviewCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int status, List<JsonNode> lines, String err) {}

  private static Run run(String input) throws IOException {
    return run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
  }

  private static Run run(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = AdReviewCli.run(in, out, new PrintStream(err, true, StandardCharsets.UTF_8));
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        lines.add(JSON.readTree(line));
      }
    }
    return new Run(status, lines, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("each input line gets one output line, in order, with rule, article, span, excerpt and suggestion")
  void reviewsLineByLine() throws IOException {
    Run r = run("""
        {"text": "本院保证治愈，治愈率高达95%！", "channel": "wechat_official_account"}
        {"text": "请携带有效证件，第一次就诊请到1号诊室。"}
        {"text": "【XX口腔】洗牙特惠9.9元", "channel": "sms"}
        """);
    assertThat(r.status()).isZero();
    assertThat(r.lines()).hasSize(3);
    JsonNode first = r.lines().get(0);
    assertThat(first.get("violates").asBoolean()).isTrue();
    JsonNode f = first.get("findings").get(0);
    assertThat(f.get("rule").asText()).isEqualTo("ad.efficacy_guarantee");
    assertThat(f.get("article").asText()).contains("广告法 第十六条");
    assertThat(f.get("start").asInt()).isEqualTo(2);
    assertThat(f.get("end").asInt()).isEqualTo(6);
    assertThat(f.get("excerpt").asText()).isEqualTo("保证治愈");
    assertThat(f.get("suggestion").asText()).isNotBlank();
    assertThat(first.get("findings").get(1).get("excerpt").asText()).isEqualTo("治愈率高达95%");
    assertThat(r.lines().get(1).get("violates").asBoolean()).isFalse();
    assertThat(r.lines().get(1).get("findings")).isEmpty();
    assertThat(r.lines().get(2).get("findings").get(0).get("rule").asText()).isEqualTo("ad.electronic_ad_opt_out");
  }

  @Test
  @DisplayName("a malformed line yields an error line and the following lines go on")
  void malformedLinesDoNotStopTheRun() throws IOException {
    Run r = run("""
        not json
        {"channel": "sms"}
        {"text": "x", "channel": "fax"}
        [1, 2]

        {"text": 42}
        {"text": "全国第一"}
        """);
    assertThat(r.status()).isZero();
    assertThat(r.lines()).hasSize(7);
    for (int i = 0; i < 6; i++) {
      assertThat(r.lines().get(i).has("error")).as("line %d", i + 1).isTrue();
    }
    assertThat(r.lines().get(6).get("violates").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("unreadable standard input exits with status 2")
  void unreadableInput() throws IOException {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("device gone");
      }
    };
    Run r = run(broken);
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("cannot read standard input");
  }
}
