package io.kinhealth.referral.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.money.BasisPoints;
import java.io.StringReader;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Provider profiles as data")
class ProviderProfilesTest {
  private static final Set<String> LIMITS = Set.of("maxReceiversPerSplit", "maxSplitsPerOrder",
      "maxSplitRatioBasisPoints", "partialSuccess", "returnsFromPersonal", "returnWindowDays", "maxReturnsPerSplit",
      "freezeDays", "minimumTransferFen", "splitKey.punctuation", "returnKey.punctuation", "transferKey.punctuation");

  @Test
  @DisplayName("WeChat Pay: 50 receivers, 50 splits per order, merchant-only returns within 180 days, 32-character transfer keys")
  void wechat() {
    ProviderProfile p = ProviderProfiles.wechatPay();
    assertThat(p.provider()).isEqualTo("wechat");
    assertThat(p.maxReceiversPerSplit()).isEqualTo(50);
    assertThat(p.maxSplitsPerOrder()).isEqualTo(50);
    assertThat(p.maxSplitRatio()).isEqualTo(BasisPoints.of(3000));
    assertThat(p.returnsFromPersonal()).isFalse();
    assertThat(p.returnWindow()).isEqualTo(Duration.ofDays(180));
    assertThat(p.splitKeys()).isEqualTo(new KeyFormat(64, "_-|*@"));
    assertThat(p.transferKeys()).isEqualTo(KeyFormat.alphanumeric(32));
    assertThat(p.unverified()).contains("maxSplitRatioBasisPoints");
    assertThat(p.source()).contains("pay.weixin.qq.com");
  }

  @Test
  @DisplayName("Alipay: synchronous 5 receivers all or nothing, asynchronous 50 with partial success, 30-day freeze")
  void alipay() {
    ProviderProfile sync = ProviderProfiles.alipaySync();
    ProviderProfile async = ProviderProfiles.alipayAsync();
    assertThat(sync.maxReceiversPerSplit()).isEqualTo(5);
    assertThat(sync.partialSuccess()).isFalse();
    assertThat(async.maxReceiversPerSplit()).isEqualTo(50);
    assertThat(async.partialSuccess()).isTrue();
    assertThat(async.freezePeriod()).isEqualTo(Duration.ofDays(30));
    assertThat(sync.provider()).isEqualTo(async.provider()).isEqualTo("alipay");
  }

  @Test
  @DisplayName("every profile cites a source and names only real limits as unverified")
  void sources() {
    for (ProviderProfile p : ProviderProfiles.bundled().values()) {
      assertThat(p.source()).isNotBlank();
      assertThat(p.revision()).isEqualTo("2026-01");
      assertThat(LIMITS).as(p.id()).containsAll(p.unverified());
    }
  }

  @Test
  @DisplayName("a merchant's own cap is a configurable change: 3000 bp of 99.99 yuan is 29.99")
  void cap() {
    ProviderProfile p = ProviderProfiles.wechatPay();
    assertThat(p.splitCapMinor(9_999)).isEqualTo(2_999);
    assertThat(p.withMaxSplitRatio(BasisPoints.of(5000)).splitCapMinor(9_999)).isEqualTo(4_999);
  }

  @Test
  @DisplayName("a revision missing a key is refused, naming the key")
  void missingKey() {
    String text = "revision=x\nprofiles=p\np.displayName=P\np.provider=p\n";
    assertThatThrownBy(() -> ProviderProfiles.load(new StringReader(text)))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.reason()).isEqualTo("referral.profile.missing");
          assertThat(e.field()).contains("p.maxReceiversPerSplit");
        });
  }
}
