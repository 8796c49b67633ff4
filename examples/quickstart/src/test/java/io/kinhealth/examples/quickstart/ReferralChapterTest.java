package io.kinhealth.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The referral chapter tells the story the issue asks for, with the numbers it claims. */
class ReferralChapterTest {
  @Test
  @DisplayName("a QR referral, an explained split in the ledger, exact refunds and a refused kickback rule")
  void story() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ReferralChapter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String story = bytes.toString(StandardCharsets.UTF_8);
    assertThat(story).contains("the patient scans it: BOUND to member-xiaowang")
        .contains("treatment SERVICE DOCTOR 896.00: rule treatment, 700bp of 12800.00")
        .contains("the ledger sums to zero: true")
        .contains("refunding the rest gives every party back exactly its share: true; the doctor now holds 0.00")
        .contains("refused: referral.rule.doctor_share_of_drug on rules[0].shares[0].role");
    assertThat(story).containsPattern("scene token is 2[5-9] characters|scene token is 3[0-2] characters");
  }
}
