package io.kinhealth.referral.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.LimitExceededException;
import io.kinhealth.core.money.Money;
import io.kinhealth.referral.order.OrderId;
import io.kinhealth.referral.party.PartyId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Planning a split within a provider's limits")
class ProviderPlannerTest {
  static final Instant PAID = Instant.parse("2026-11-02T02:00:00Z");
  static final OrderId ORDER = OrderId.of("o-1");

  static SplitCandidate candidate(int i, ReceiverType type, long owed, long wallet) {
    return candidate("wechat", i, type, owed, wallet);
  }

  static SplitCandidate candidate(String provider, int i, ReceiverType type, long owed, long wallet) {
    PartyId p = PartyId.of("p" + i);
    return new SplitCandidate(p, type == null ? null : ReceiverAccount.of(p, provider, type, "acct-" + i), owed,
        wallet);
  }

  static ProviderSplitPlan plan(ProviderProfile profile, long total, long before, int requestsBefore,
      List<SplitCandidate> candidates) {
    return ProviderPlanner.plan(profile, ORDER, Money.ofMinor(total), PAID, PAID.plus(Duration.ofDays(7)), before,
        requestsBefore, candidates);
  }

  @Test
  @DisplayName("receivers are grouped into requests of at most the provider's receivers per request")
  void chunks() {
    List<SplitCandidate> many = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      many.add(candidate(i, ReceiverType.MERCHANT, 100, 100));
    }
    ProviderSplitPlan wechat = plan(ProviderProfiles.wechatPay(), 1_000_000, 0, 0, many);
    assertThat(wechat.requests()).isEqualTo(3);
    assertThat(wechat.request(0)).hasSize(50);
    assertThat(wechat.request(2)).hasSize(20);
    List<SplitCandidate> twelve = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      twelve.add(candidate("alipay", i, ReceiverType.MERCHANT, 100, 100));
    }
    ProviderSplitPlan alipay = plan(ProviderProfiles.alipaySync(), 1_000_000, 0, 0, twelve);
    assertThat(alipay.requests()).isEqualTo(3);
    assertThat(alipay.request(2)).hasSize(2);
  }

  @Test
  @DisplayName("one receiver over the cap gets the cap left through the provider and the rest from its wallet")
  void oneOverCap() {
    ProviderSplitPlan p = plan(ProviderProfiles.wechatPay(), 100_000, 0, 0,
        List.of(candidate(0, ReceiverType.MERCHANT, 50_000, 50_000)));
    PlannedReceiver r = p.receivers().get(0);
    assertThat(r.viaProvider()).isEqualTo(Money.ofMinor(30_000));
    assertThat(r.viaWallet()).isEqualTo(Money.ofMinor(20_000));
    assertThat(r.reason()).isEqualTo(ProviderPlanner.RATIO_CAP);
    assertThat(plan(ProviderProfiles.wechatPay(), 100_000, 10_000, 1,
        List.of(candidate(0, ReceiverType.MERCHANT, 50_000, 50_000))).viaProvider())
        .isEqualTo(Money.ofMinor(20_000)); // earlier splits use up the cap
  }

  @Test
  @DisplayName("a party without a receiver account, or whose wallet is short, is paid from its wallet")
  void walletReasons() {
    ProviderSplitPlan p = plan(ProviderProfiles.wechatPay(), 1_000_000, 0, 0,
        List.of(candidate(0, null, 5_000, 5_000), candidate(1, ReceiverType.PERSONAL, 5_000, 3_000)));
    assertThat(p.receivers()).extracting(PlannedReceiver::reason)
        .containsExactly(ProviderPlanner.NO_RECEIVER, ProviderPlanner.WALLET_SHORT);
    assertThat(p.receivers().get(0).request()).isEqualTo(-1);
    assertThat(p.viaProvider()).isEqualTo(Money.ofMinor(3_000));
    assertThat(p.requests()).isEqualTo(1);
  }

  @Test
  @DisplayName("a plan needing more requests than the order has left is refused, naming the limit")
  void requestLimit() {
    List<SplitCandidate> many = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      many.add(candidate("alipay", i, ReceiverType.MERCHANT, 100, 100));
    }
    assertThatThrownBy(() -> plan(ProviderProfiles.alipaySync(), 1_000_000, 0, 49, many))
        .isInstanceOfSatisfying(LimitExceededException.class, e -> {
          assertThat(e.reason()).isEqualTo("referral.provider.split_requests");
          assertThat(e.getMessage()).contains("Alipay (synchronous settle) allows at most 50 split requests");
        });
    assertThatThrownBy(() -> ProviderPlanner.plan(ProviderProfiles.alipaySync(), ORDER, Money.ofMinor(100), PAID,
        PAID.plus(Duration.ofDays(30)), 0, 0, many)).isInstanceOfSatisfying(LimitExceededException.class,
        e -> assertThat(e.reason()).isEqualTo("referral.provider.freeze_period"));
  }

  @Test
  @DisplayName("for 2,000 random orders: within the cap left, never more than owed or in the wallet, exact in fen")
  void property() {
    for (long seed = 0; seed < 2_000; seed++) {
      Random random = new Random(seed);
      ProviderProfile profile = random.nextBoolean() ? ProviderProfiles.wechatPay() : ProviderProfiles.alipaySync();
      long total = 1 + random.nextInt(10_000_000);
      long before = random.nextInt((int) Math.min(Integer.MAX_VALUE, total / 2 + 1));
      List<SplitCandidate> cs = new ArrayList<>();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        ReceiverType t = random.nextInt(4) == 0 ? null : ReceiverType.values()[random.nextInt(2)];
        cs.add(candidate(profile.provider(), i, t, random.nextInt(2_000_000), random.nextInt(2_000_000)));
      }
      ProviderSplitPlan p = plan(profile, total, before, 0, cs);
      long capLeft = Math.max(0, profile.splitCapMinor(total) - before);
      assertThat(p.viaProvider().minor()).as("seed %d", seed).isLessThanOrEqualTo(capLeft);
      long wanted = 0;
      for (int i = 0; i < n; i++) {
        PlannedReceiver r = p.receivers().get(i);
        SplitCandidate c = cs.get(i);
        long want = c.account() == null ? 0 : Math.min(c.owedMinor(), c.walletMinor());
        wanted += want;
        assertThat(r.viaProvider().minor()).as("seed %d receiver %d", seed, i).isBetween(0L, want);
        assertThat(r.viaProvider().plus(r.viaWallet()).minor()).as("seed %d", seed).isEqualTo(c.owedMinor());
      }
      assertThat(p.viaProvider().minor()).as("seed %d uses all it can", seed).isEqualTo(Math.min(wanted, capLeft));
    }
  }
}
