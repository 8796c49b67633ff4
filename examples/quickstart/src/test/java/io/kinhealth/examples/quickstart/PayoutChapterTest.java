package io.kinhealth.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The payout chapter tells the story the issue asks for, with the numbers it claims. */
class PayoutChapterTest {
  @Test
  @DisplayName("a split capped at 30%, a timed-out transfer settled by the reconciler, a refund turned into a netted debt")
  void story() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new PayoutChapter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String story = bytes.toString(StandardCharsets.UTF_8);
    assertThat(story)
        .contains("meituan: 3000.00 by WeChat Pay (request 1), 2000.00 from the wallet (referral.plan.ratio_cap)")
        .contains("is SUCCEEDED; WeChat paid meituan 3000.00")
        .contains("the withdrawal is APPROVED, the transfer UNKNOWN (never FAILED)")
        .contains("the withdrawal is PAID; WeChat transferred 500.00 once")
        .contains("returned (回退) from meituan through WeChat Pay: 500.00 SUCCEEDED; meituan now owes 0.00")
        .contains("dr-li's 150.00 stays a debt on the ledger")
        .contains("cannot withdraw: referral.payout.debt_open")
        .contains("owes 0.00, wallet 550.00; the ledger sums to zero: true");
    assertThat(story).containsPattern("out_order_no S[0-9A-Za-z]{43},");
  }
}
