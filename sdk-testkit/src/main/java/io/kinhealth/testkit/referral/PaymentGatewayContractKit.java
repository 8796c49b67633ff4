package io.kinhealth.testkit.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.money.Money;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.payment.NotificationCheck;
import io.kinhealth.referral.payment.PaymentInstruction;
import io.kinhealth.referral.payment.PaymentKind;
import io.kinhealth.referral.payment.PaymentResult;
import io.kinhealth.referral.payment.PaymentStatus;
import io.kinhealth.referral.payment.PayoutDestination;
import io.kinhealth.referral.payment.ProviderProfile;
import io.kinhealth.referral.payment.RawNotification;
import io.kinhealth.referral.payment.ReceiverAccount;
import io.kinhealth.referral.payment.ReceiverType;
import io.kinhealth.referral.payment.RequestKey;
import io.kinhealth.referral.payment.ReturnInstruction;
import io.kinhealth.referral.payment.SplitInstruction;
import io.kinhealth.referral.payment.SplitReceiver;
import io.kinhealth.referral.payment.TransferInstruction;
import io.kinhealth.referral.payment.UnfreezeInstruction;
import io.kinhealth.referral.spi.PaymentGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link PaymentGateway} (see its javadoc): outcomes are statuses, never exceptions or nulls; the
 * key is the idempotency key; final answers never change; a key the provider never saw is {@code notFound}; its
 * notifications verify and tampered ones do not. The kit is written to hold against a provider that loses calls or
 * answers late: it re-queries (and resends under the same key what the provider never saw) until an answer is final.
 *
 * <p>Extend it with a gateway to a sandbox (or an in-process fake): supply the gateway, its profile, a paid
 * transaction to split, receivers the provider accepts, how to let time pass, and the notifications it sent.
 */
public abstract class PaymentGatewayContractKit {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  protected abstract PaymentGateway createGateway();

  /** The profile the gateway's provider follows. */
  protected abstract ProviderProfile profile();

  /** A customer's payment at the provider that may be split, of at least 100.00 yuan; returns its transaction id. */
  protected abstract String paidTransaction(PaymentGateway gateway, Money amount);

  /** Two receivers the provider accepts: a merchant first, then a person. */
  protected abstract List<ReceiverAccount> receivers();

  /** Lets the provider finish what it accepted (advance a test clock; wait for a sandbox). */
  protected abstract void letTimePass(PaymentGateway gateway);

  /** The notifications the provider sent since the last call. */
  protected abstract List<RawNotification> notifications(PaymentGateway gateway);

  /** How often {@link #finalAnswer} asks before giving up (raise it for a slow sandbox). */
  protected int attempts() {
    return 40;
  }

  private PaymentGateway gateway;

  @BeforeEach
  void setUpGateway() {
    gateway = createGateway();
  }

  private RequestKey key(PaymentKind kind) {
    return profile().keys(kind).derive(kind, "contract:" + System.nanoTime() + ":" + SEQUENCE.incrementAndGet());
  }

  private SplitInstruction split(String transaction, long merchantFen, long personFen) {
    List<ReceiverAccount> rs = receivers();
    List<SplitReceiver> receivers = new ArrayList<>();
    receivers.add(new SplitReceiver(rs.get(0).party(), rs.get(0).type(), rs.get(0).account(),
        Money.ofMinor(merchantFen), "contract split"));
    if (personFen > 0) {
      receivers.add(new SplitReceiver(rs.get(1).party(), rs.get(1).type(), rs.get(1).account(),
          Money.ofMinor(personFen), "contract split"));
    }
    return new SplitInstruction(key(PaymentKind.SPLIT), profile().provider(), OrderId.of("contract-order"),
        transaction, receivers);
  }

  private PaymentResult send(PaymentInstruction instruction) {
    if (instruction instanceof SplitInstruction s) {
      return gateway.split(s);
    }
    if (instruction instanceof UnfreezeInstruction u) {
      return gateway.unfreeze(u);
    }
    if (instruction instanceof ReturnInstruction r) {
      return gateway.returnSplit(r);
    }
    return gateway.transfer((TransferInstruction) instruction);
  }

  /** Sends, then queries (resending what the provider never saw) until the answer is final. */
  protected PaymentResult finalAnswer(PaymentInstruction instruction) {
    PaymentResult r = send(instruction);
    assertAnswer(instruction, r);
    for (int i = 0; i < attempts() && !r.status().isFinal(); i++) {
      letTimePass(gateway);
      r = gateway.query(instruction);
      assertAnswer(instruction, r);
      if (r.notFound()) {
        r = send(instruction);
        assertAnswer(instruction, r);
      }
    }
    assertThat(r.status().isFinal()).as("a final answer for %s", instruction.key()).isTrue();
    return r;
  }

  private static void assertAnswer(PaymentInstruction instruction, PaymentResult r) {
    assertThat(r).as("an answer, never null").isNotNull();
    assertThat(r.key()).as("the answer carries the request's key").isEqualTo(instruction.key());
  }

  /** A split that succeeded for every receiver, and the transaction it split. */
  protected record Split(String transaction, PaymentResult result) {}

  /** Splits a fresh payment until the provider succeeds for every receiver (a faulty provider may fail some). */
  protected Split succeededSplit(long merchantFen, long personFen) {
    for (int i = 0; i < attempts(); i++) {
      String tx = paidTransaction(gateway, Money.ofYuan(1_000));
      PaymentResult r = finalAnswer(split(tx, merchantFen, personFen));
      if (r.status() == PaymentStatus.SUCCEEDED
          && r.receivers().stream().allMatch(o -> o.status() == PaymentStatus.SUCCEEDED)) {
        return new Split(tx, r);
      }
    }
    throw new AssertionError("the provider never split successfully");
  }

  @Nested
  @DisplayName("requests and answers")
  class Answers {
    @Test
    @DisplayName("every operation answers with a status and the request's key, and reaches a final answer")
    void everyOperation() {
      Split split = succeededSplit(10_000, 5_000);
      String tx = split.transaction();
      ReceiverAccount merchant = receivers().get(0);
      finalAnswer(new ReturnInstruction(key(PaymentKind.RETURN), profile().provider(), OrderId.of("contract-order"),
          split.result().key(), tx, merchant.party(), merchant.type(), merchant.account(), Money.ofMinor(100),
          "contract"));
      ReceiverAccount person = receivers().get(1);
      finalAnswer(new TransferInstruction(key(PaymentKind.TRANSFER), profile().provider(), person.party(),
          PayoutDestination.walletOf(person), Money.ofYuan(1), "contract"));
      finalAnswer(new UnfreezeInstruction(key(PaymentKind.UNFREEZE), profile().provider(),
          OrderId.of("contract-order"), tx, Money.CNY, "contract"));
    }

    @Test
    @DisplayName("a key the provider never received is not found, and not found is UNKNOWN, never FAILED")
    void notFound() {
      TransferInstruction never = new TransferInstruction(key(PaymentKind.TRANSFER), profile().provider(),
          PartyId.of("nobody"), PayoutDestination.wallet("acct-nobody"), Money.ofYuan(1), "contract");
      for (int i = 0; i < 5; i++) {
        PaymentResult r = gateway.query(never);
        assertAnswer(never, r);
        assertThat(r.status()).as("not found, or a lost query: UNKNOWN either way").isEqualTo(PaymentStatus.UNKNOWN);
      }
    }
  }

  @Nested
  @DisplayName("the key is the idempotency key")
  class Idempotency {
    @Test
    @DisplayName("sending a split again under its key returns the same final answer and reference")
    void resend() {
      String tx = paidTransaction(gateway, Money.ofYuan(1_000));
      SplitInstruction s = split(tx, 20_000, 0);
      PaymentResult first = finalAnswer(s);
      PaymentResult again = finalAnswer(s);
      assertThat(again.status()).isEqualTo(first.status());
      assertThat(again.providerReference()).isEqualTo(first.providerReference());
    }

    @Test
    @DisplayName("a final answer never changes, however often it is queried")
    void finalSticks() {
      TransferInstruction t = new TransferInstruction(key(PaymentKind.TRANSFER), profile().provider(),
          receivers().get(1).party(), PayoutDestination.walletOf(receivers().get(1)), Money.ofYuan(2), "contract");
      PaymentResult first = finalAnswer(t);
      for (int i = 0; i < 5; i++) {
        letTimePass(gateway);
        PaymentResult q = gateway.query(t);
        if (q.status().isFinal()) {
          assertThat(q.status()).isEqualTo(first.status());
        }
      }
    }

    @Test
    @DisplayName("returning more than a receiver was split never succeeds")
    void overReturn() {
      Split split = succeededSplit(1_000, 0);
      ReceiverAccount merchant = receivers().get(0);
      PaymentResult r = finalAnswer(new ReturnInstruction(key(PaymentKind.RETURN), profile().provider(),
          OrderId.of("contract-order"), split.result().key(), split.transaction(), merchant.party(), merchant.type(),
          merchant.account(), Money.ofMinor(1_001), "contract"));
      assertThat(r.status()).isEqualTo(PaymentStatus.FAILED);
    }
  }

  @Nested
  @DisplayName("notifications")
  class Notifications {
    @Test
    @DisplayName("what the provider sends verifies and reports final answers for keys it was sent")
    void authentic() {
      PaymentResult split = succeededSplit(3_000, 0).result();
      letTimePass(gateway);
      List<RawNotification> sent = notifications(gateway);
      assertThat(sent).as("the provider notifies final answers").isNotEmpty();
      boolean found = false;
      for (RawNotification n : sent) {
        NotificationCheck check = gateway.verify(n);
        assertThat(check.authentic()).as("a notification it sent verifies").isTrue();
        if (check.result().key().equals(split.key()) && check.result().status().isFinal()) {
          assertThat(check.result().status()).isEqualTo(PaymentStatus.SUCCEEDED);
          found = true;
        }
      }
      assertThat(found).as("a notification reports the split").isTrue();
    }

    @Test
    @DisplayName("a notification whose body or signature was changed is rejected")
    void tampered() {
      String tx = paidTransaction(gateway, Money.ofYuan(1_000));
      finalAnswer(split(tx, 3_000, 0));
      letTimePass(gateway);
      for (RawNotification n : notifications(gateway)) {
        String body = n.body() + " ";
        assertThat(gateway.verify(new RawNotification(n.provider(), n.headers(), body)).authentic()).isFalse();
        Map<String, String> forged = new java.util.HashMap<>();
        n.headers().keySet().forEach(k -> forged.put(k, "0000"));
        assertThat(gateway.verify(new RawNotification(n.provider(), forged, n.body())).authentic()).isFalse();
      }
    }
  }

  /** A receiver account for {@code party} at {@code provider}: helpers for subclasses. */
  protected static ReceiverAccount receiver(String party, String provider, ReceiverType type) {
    return ReceiverAccount.of(PartyId.of(party), provider, type, "acct-" + party);
  }
}
