package io.kinhealth.testkit.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.referral.commission.PayoutId;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.payment.DailyWithdrawals;
import io.kinhealth.referral.payment.KeyFormat;
import io.kinhealth.referral.payment.PaymentKind;
import io.kinhealth.referral.payment.PaymentRequest;
import io.kinhealth.referral.payment.PaymentStatus;
import io.kinhealth.referral.payment.PayoutDestination;
import io.kinhealth.referral.payment.ReceiverAccount;
import io.kinhealth.referral.payment.ReceiverType;
import io.kinhealth.referral.payment.RequestKey;
import io.kinhealth.referral.payment.SplitInstruction;
import io.kinhealth.referral.payment.SplitReceiver;
import io.kinhealth.referral.payment.TransferInstruction;
import io.kinhealth.referral.payment.Withdrawal;
import io.kinhealth.referral.payment.WithdrawalId;
import io.kinhealth.referral.payment.WithdrawalState;
import io.kinhealth.referral.spi.PaymentStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link PaymentStore} (see its javadoc): requests, receivers, withdrawals and daily totals stored
 * once by key, updated only on their version, due and period reads paged in order, writes undone with their
 * transaction. Extend it and supply a fresh, empty store (and, for a durable store, its transaction runner).
 */
public abstract class PaymentStoreContractKit {
  protected abstract PaymentStore createStore();

  protected TransactionRunner transactionRunner() {
    return new InMemoryTransactionRunner();
  }

  static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
  static final KeyFormat KEYS = KeyFormat.alphanumeric(32);
  static final PartyId DOCTOR = PartyId.of("dr-li");

  private PaymentStore store;

  @BeforeEach
  void setUpStore() {
    store = createStore();
  }

  /** An unsent split of {@code order} to the doctor, requested at {@code at}. */
  static PaymentRequest split(String ref, String order, Instant at) {
    RequestKey key = KEYS.derive(PaymentKind.SPLIT, ref);
    SplitInstruction s = new SplitInstruction(key, "wechat", OrderId.of(order), "tx-" + order,
        List.of(new SplitReceiver(DOCTOR, ReceiverType.PERSONAL, "openid-1", Money.ofMinor(700), "share")));
    return PaymentRequest.unsent(s, ref, OrderId.of(order), null, at, at.plus(Duration.ofMinutes(5)));
  }

  static PaymentRequest transfer(String ref, String provider, Instant at) {
    RequestKey key = KEYS.derive(PaymentKind.TRANSFER, ref);
    return PaymentRequest.unsent(new TransferInstruction(key, provider, DOCTOR, PayoutDestination.wallet("openid-1"),
        Money.ofYuan(10), "withdrawal"), ref, null, "w-" + ref, at, at.plus(Duration.ofMinutes(5)));
  }

  static PaymentRequest settled(PaymentRequest r, PaymentStatus status, Instant at) {
    List<PaymentStatus> receivers = new ArrayList<>();
    r.receivers().forEach(x -> receivers.add(status));
    return r.next(status, receivers, "ref-1", null, at, r.checks() + 1, null);
  }

  static Withdrawal withdrawal(String id) {
    return new Withdrawal(WithdrawalId.of(id), DOCTOR, "wechat", PayoutDestination.wallet("openid-1"),
        Money.ofYuan(100), Money.ofYuan(1), Money.ofYuan(99), WithdrawalState.REQUESTED, false, T0, null, null, null,
        PayoutId.of("w:" + id), null, LocalDate.of(2026, 11, 25), 0);
  }

  @Nested
  @DisplayName("requests")
  class Requests {
    @Test
    @DisplayName("a request is stored once by key; the same value again returns it, another conflicts")
    void insert() {
      PaymentRequest r = split("split:o1:1", "o1", T0);
      assertThat(store.insertRequest(r)).isEqualTo(r);
      assertThat(store.insertRequest(r)).isEqualTo(r);
      assertThat(store.findRequest(r.key())).contains(r);
      PaymentRequest other = PaymentRequest.unsent(r.instruction(), "split:o1:other", r.order(), null, T0,
          T0.plus(Duration.ofMinutes(5)));
      assertThatThrownBy(() -> store.insertRequest(other)).isInstanceOf(IdempotencyConflictException.class);
      assertThat(store.findRequest(r.key())).contains(r);
    }

    @Test
    @DisplayName("an update applies only on the expected version, one version up")
    void optimistic() {
      PaymentRequest r = store.insertRequest(split("split:o1:1", "o1", T0));
      PaymentRequest done = settled(r, PaymentStatus.SUCCEEDED, T0.plusSeconds(1));
      store.updateRequest(done, 0);
      assertThat(store.findRequest(r.key())).contains(done);
      assertThatThrownBy(() -> store.updateRequest(settled(r, PaymentStatus.FAILED, T0), 0))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.reason()).isEqualTo("referral.version_conflict"));
      assertThat(store.findRequest(r.key())).contains(done);
    }

    @Test
    @DisplayName("requests of an order page by request time; other orders' are not among them")
    void ofOrder() {
      List<RequestKey> expected = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        PaymentRequest r = store.insertRequest(split("split:o1:" + i, "o1", T0.plusSeconds(10 - i)));
        expected.add(0, r.key());
        store.insertRequest(split("split:o2:" + i, "o2", T0));
      }
      assertThat(Pages.all(p -> store.requestsOfOrder(OrderId.of("o1"), p), 3)).extracting(PaymentRequest::key)
          .containsExactlyElementsOf(expected);
      assertThat(Pages.all(p -> store.requestsOfOrder(OrderId.of("none"), p), 3)).isEmpty();
    }

    @Test
    @DisplayName("due requests are those not final whose next check has come, by next check; settling removes one")
    void due() {
      List<PaymentRequest> rs = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        rs.add(store.insertRequest(split("split:o" + i + ":1", "o" + i, T0.plusSeconds(i))));
      }
      Instant at = T0.plus(Duration.ofMinutes(5)).plusSeconds(3);
      assertThat(Pages.all(p -> store.requestsDue(at, p), 2)).extracting(PaymentRequest::key)
          .containsExactly(rs.get(0).key(), rs.get(1).key(), rs.get(2).key(), rs.get(3).key());
      store.updateRequest(settled(rs.get(1), PaymentStatus.SUCCEEDED, at), 0);
      PaymentRequest later = rs.get(0).next(PaymentStatus.PENDING, rs.get(0).receivers(), null, null, null, 1,
          at.plus(Duration.ofHours(1)));
      store.updateRequest(later, 0);
      assertThat(Pages.all(p -> store.requestsDue(at, p), 2)).extracting(PaymentRequest::key)
          .containsExactly(rs.get(2).key(), rs.get(3).key());
    }

    @Test
    @DisplayName("a provider's requests in a period page by request time, the period's end excluded")
    void between() {
      for (int i = 0; i < 5; i++) {
        store.insertRequest(transfer("t" + i, "wechat", T0.plusSeconds(i)));
        store.insertRequest(transfer("a" + i, "alipay", T0.plusSeconds(i)));
      }
      assertThat(Pages.all(p -> store.requestsBetween("wechat", T0.plusSeconds(1), T0.plusSeconds(4), p), 2))
          .extracting(PaymentRequest::ledgerRef).containsExactly("t1", "t2", "t3");
    }

    @Test
    @DisplayName("a rolled-back transaction leaves no request behind")
    void rollback() {
      PaymentRequest r = split("split:o1:1", "o1", T0);
      assertThatThrownBy(() -> transactionRunner().execute(() -> {
        store.insertRequest(r);
        throw new IllegalStateException("boom");
      })).isInstanceOf(IllegalStateException.class);
      assertThat(store.findRequest(r.key())).isEmpty();
      assertThat(Pages.all(p -> store.requestsDue(T0.plus(Duration.ofDays(1)), p), 5)).isEmpty();
    }
  }

  @Nested
  @DisplayName("receivers, withdrawals and daily totals")
  class Accounts {
    @Test
    @DisplayName("a receiver account is saved on its version and found by party and provider")
    void receivers() {
      ReceiverAccount v1 = new ReceiverAccount(DOCTOR, "wechat", ReceiverType.PERSONAL, "openid-1", 1);
      store.saveReceiver(v1, 0);
      assertThat(store.findReceiver(DOCTOR, "wechat")).contains(v1);
      assertThat(store.findReceiver(DOCTOR, "alipay")).isEmpty();
      assertThatThrownBy(() -> store.saveReceiver(v1, 0)).isInstanceOf(ConflictException.class);
      ReceiverAccount v2 = new ReceiverAccount(DOCTOR, "wechat", ReceiverType.PERSONAL, "openid-2", 2);
      store.saveReceiver(v2, 1);
      assertThat(store.findReceiver(DOCTOR, "wechat")).contains(v2);
    }

    @Test
    @DisplayName("a withdrawal is stored once by id and updated on its version")
    void withdrawals() {
      Withdrawal w = withdrawal("w1");
      assertThat(store.insertWithdrawal(w)).isEqualTo(w);
      assertThat(store.insertWithdrawal(w)).isEqualTo(w);
      assertThatThrownBy(() -> store.insertWithdrawal(new Withdrawal(w.id(), w.party(), "alipay", w.destination(),
          w.amount(), w.fee(), w.net(), w.state(), false, T0, null, null, null, w.payout(), null, w.day(), 0)))
          .isInstanceOf(IdempotencyConflictException.class);
      Withdrawal approved = w.moveTo(WithdrawalState.APPROVED, "staff-1", T0, null, null);
      store.updateWithdrawal(approved, 0);
      assertThat(store.findWithdrawal(w.id())).contains(approved);
      assertThatThrownBy(() -> store.updateWithdrawal(approved, 0)).isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("a day's total is saved on its version, per party and day")
    void daily() {
      LocalDate day = LocalDate.of(2026, 11, 25);
      DailyWithdrawals d = DailyWithdrawals.zero(DOCTOR, day).plus(10_000);
      store.saveDailyWithdrawals(d, 0);
      assertThat(store.findDailyWithdrawals(DOCTOR, day)).contains(d);
      assertThat(store.findDailyWithdrawals(DOCTOR, day.plusDays(1))).isEmpty();
      assertThatThrownBy(() -> store.saveDailyWithdrawals(d.plus(1), 0)).isInstanceOf(ConflictException.class);
      store.saveDailyWithdrawals(d.plus(-5_000), 1);
      assertThat(store.findDailyWithdrawals(DOCTOR, day).orElseThrow().totalMinor()).isEqualTo(5_000);
    }
  }
}
