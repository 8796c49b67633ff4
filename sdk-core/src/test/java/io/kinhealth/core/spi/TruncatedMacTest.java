package io.kinhealth.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinhealth.core.crypto.LocalKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A truncated MAC")
class TruncatedMacTest {
  private final ManagedKey key = LocalKey.generate("t1", KeyUse.HMAC_SHA256, new SecureRandom());
  private final byte[] data = "referrer 42, campaign 7".getBytes(StandardCharsets.UTF_8);

  @Test
  @DisplayName("verifies when it is a prefix of the MAC of at least 8 bytes")
  void verifiesPrefixes() {
    byte[] mac = key.mac(data);
    for (int length = 8; length <= mac.length; length++) {
      assertThat(key.verifyTruncatedMac(data, Arrays.copyOf(mac, length))).as("length %d", length).isTrue();
    }
  }

  @Test
  @DisplayName("never verifies when shorter than 8 bytes, altered, or over other data")
  void refusesShortOrWrongPrefixes() {
    byte[] mac = key.mac(data);
    assertThat(key.verifyTruncatedMac(data, Arrays.copyOf(mac, 7))).isFalse();
    assertThat(key.verifyTruncatedMac(data, null)).isFalse();
    byte[] altered = Arrays.copyOf(mac, 8);
    altered[3] ^= 1;
    assertThat(key.verifyTruncatedMac(data, altered)).isFalse();
    assertThat(key.verifyTruncatedMac("other".getBytes(StandardCharsets.UTF_8), Arrays.copyOf(mac, 8))).isFalse();
    assertThat(key.verifyTruncatedMac(data, Arrays.copyOf(mac, mac.length + 1))).isFalse();
  }
}
