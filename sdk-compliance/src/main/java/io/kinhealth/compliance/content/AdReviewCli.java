package io.kinhealth.compliance.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinhealth.core.error.KinHealthException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Reviews marketing copy from the command line, one JSON object per line.
 *
 * <p>Reads JSON Lines from standard input, each {@code {"text": "...", "channel": "..."}} ({@code channel} optional:
 * {@code sms}, {@code wechat_official_account}, {@code wechat_moments}, {@code wechat_group}, {@code xiaohongshu},
 * {@code meituan_review_prompt}, {@code app_push}), and writes exactly one JSON line per input line, in the same
 * order: {@code {"violates": true|false, "findings": [{"rule", "article", "start", "end", "excerpt",
 * "suggestion"}]}}. Offsets count UTF-16 code units of {@code text}, end exclusive. A malformed line (not JSON, no
 * {@code text}, an unknown channel, a blank line) yields {@code {"error": "..."}} and the next lines go on. Input and
 * output are UTF-8. Exit status 0, or 2 if standard input cannot be read.
 *
 * <p>Run it as the README's compliance section shows: {@code java -cp <compliance jar and its dependencies>
 * io.kinhealth.compliance.content.AdReviewCli < copy.jsonl}.
 */
public final class AdReviewCli {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AdReviewCli() {}

  public static void main(String[] args) {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println("usage: java -cp <classpath> io.kinhealth.compliance.content.AdReviewCli < input.jsonl");
      System.out.println("input lines:  {\"text\": \"...\", \"channel\": \"sms\"}   (channel optional)");
      System.out.println("output lines: {\"violates\": bool, \"findings\": [{\"rule\", \"article\", \"start\", \"end\","
          + " \"excerpt\", \"suggestion\"}]} or {\"error\": \"...\"}");
      return;
    }
    int status = run(System.in, System.out, System.err);
    System.exit(status);
  }

  /** Runs the tool over {@code in}, writing results to {@code out}; returns the exit status. */
  public static int run(InputStream in, OutputStream out, PrintStream err) {
    ContentReviewer reviewer = ContentReviewer.ofDefaults();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    try {
      String line;
      while ((line = readLine(reader)) != null) {
        writer.write(JSON.writeValueAsString(answer(reviewer, line)));
        writer.write('\n');
        writer.flush(); // one answer per line as it is ready, so the tool works in a pipe
      }
      return 0;
    } catch (InputUnreadable e) {
      err.println("cannot read standard input: " + e.getCause().getMessage());
      return 2;
    } catch (IOException e) {
      err.println("cannot write standard output: " + e.getMessage());
      return 2;
    }
  }

  private static final class InputUnreadable extends IOException {
    private static final long serialVersionUID = 1L;

    InputUnreadable(IOException cause) {
      super(cause);
    }
  }

  private static String readLine(BufferedReader reader) throws InputUnreadable {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new InputUnreadable(e);
    }
  }

  static ObjectNode answer(ContentReviewer reviewer, String line) {
    JsonNode node;
    try {
      node = line.isBlank() ? null : JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return error("not a JSON object: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return error("each line must be a JSON object with a \"text\" field");
    }
    JsonNode text = node.get("text");
    if (text == null || !text.isTextual()) {
      return error("\"text\" must be a string");
    }
    JsonNode channel = node.get("channel");
    if (channel != null && !channel.isNull() && !channel.isTextual()) {
      return error("\"channel\" must be a string");
    }
    ContentReview review;
    try {
      review = reviewer.review(text.asText(),
          ContentChannel.parse(channel == null || channel.isNull() ? null : channel.asText()));
    } catch (KinHealthException e) {
      return error(e.getMessage());
    }
    ObjectNode result = JSON.createObjectNode();
    result.put("violates", review.violates());
    ArrayNode findings = result.putArray("findings");
    for (AdFinding f : review.findings()) {
      ObjectNode o = findings.addObject();
      o.put("rule", f.ruleId());
      o.put("article", f.article());
      o.put("start", f.start());
      o.put("end", f.end());
      o.put("excerpt", f.excerpt());
      o.put("suggestion", f.suggestion());
    }
    return result;
  }

  private static ObjectNode error(String message) {
    ObjectNode o = JSON.createObjectNode();
    o.put("error", message);
    return o;
  }
}
