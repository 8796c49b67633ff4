package io.kinhealth.referral.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Request keys")
class KeyFormatTest {
  @Test
  @DisplayName("derive from the ledger reference alone: the same reference always gives the same key")
  void deterministic() {
    KeyFormat wechat = ProviderProfiles.wechatPay().splitKeys();
    RequestKey a = wechat.derive(PaymentKind.SPLIT, "split:order-7:1");
    assertThat(wechat.derive(PaymentKind.SPLIT, "split:order-7:1")).isEqualTo(a);
    assertThat(a.value()).startsWith("S").hasSize(44);
    assertThat(wechat.derive(PaymentKind.SPLIT, "split:order-7:2")).isNotEqualTo(a);
  }

  @Test
  @DisplayName("fit every bundled provider's charset and length for every operation, without collisions")
  void fitEveryProvider() {
    Random random = new Random(6);
    for (ProviderProfile profile : ProviderProfiles.bundled().values()) {
      for (PaymentKind kind : PaymentKind.values()) {
        KeyFormat format = profile.keys(kind);
        Map<RequestKey, String> seen = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
          String ref = randomRef(random, i);
          RequestKey key = format.derive(kind, ref);
          assertThat(format.fits(key.value())).as("%s %s %s", profile.id(), kind, ref).isTrue();
          String before = seen.put(key, ref);
          assertThat(before == null || before.equals(ref)).as("collision of %s and %s", before, ref).isTrue();
        }
      }
    }
    assertThat(ProviderProfiles.wechatPay().keys(PaymentKind.TRANSFER).derive(PaymentKind.TRANSFER,
        "transfer:w-1").value()).hasSize(32).matches("[0-9A-Za-z]+");
  }

  private static String randomRef(Random random, int i) {
    StringBuilder sb = new StringBuilder("ref:").append(i).append(':');
    int n = random.nextInt(120);
    for (int k = 0; k < n; k++) {
      sb.append((char) (random.nextBoolean() ? 'a' + random.nextInt(26) : 0x4e00 + random.nextInt(500)));
    }
    return sb.toString();
  }

  @Test
  @DisplayName("a format accepts letters, digits and its own punctuation only")
  void fits() {
    KeyFormat wechat = new KeyFormat(64, "_-|*@");
    assertThat(wechat.fits("P2015_08-06|1*2@3")).isTrue();
    assertThat(wechat.fits("P2015.0806")).isFalse();
    assertThat(wechat.fits("")).isFalse();
    assertThat(KeyFormat.alphanumeric(32).fits("a".repeat(33))).isFalse();
    assertThatThrownBy(() -> new KeyFormat(8, "")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new KeyFormat(32, "a")).isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("a request key outside the union charset or over 64 characters is refused")
  void requestKey() {
    assertThat(RequestKey.of("R20190516001").value()).isEqualTo("R20190516001");
    assertThatThrownBy(() -> RequestKey.of("with space")).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.reason()).isEqualTo("referral.key.charset"));
    assertThatThrownBy(() -> RequestKey.of("x".repeat(65))).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.reason()).isEqualTo("referral.key.too_long"));
  }
}
