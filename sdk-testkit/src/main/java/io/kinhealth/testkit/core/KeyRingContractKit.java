package io.kinhealth.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.IntegrityException;
import io.kinhealth.core.spi.KeyRing;
import io.kinhealth.core.spi.KeyUse;
import io.kinhealth.core.spi.ManagedKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link KeyRing}: keys per use, ids carried and found again, rotation that keeps old keys usable
 * for verification, and key material that never shows. Extend it and supply a key ring that has a current key for
 * every {@link KeyUse}, plus the way your ring rotates.
 */
public abstract class KeyRingContractKit {

  protected abstract KeyRing createKeyRing();

  /** Makes a new key current for {@code use} in {@code ring} (however your implementation rotates). */
  protected abstract void rotate(KeyRing ring, KeyUse use);

  private KeyRing ring;
  private static final byte[] DATA = "referrer=42;campaign=spring".getBytes(StandardCharsets.UTF_8);

  @BeforeEach
  void setUpRing() {
    ring = createKeyRing();
  }

  @Nested
  @DisplayName("current keys")
  class CurrentKeys {
    @Test
    @DisplayName("exist for every use, carry a short id, and are found again by that id")
    void currentPerUse() {
      for (KeyUse use : KeyUse.values()) {
        ManagedKey key = ring.current(use);
        assertThat(key.use()).isEqualTo(use);
        assertThat(key.keyId()).matches("[0-9A-Za-z]{1,8}");
        assertThat(ring.find(key.keyId())).containsSame(key);
      }
    }

    @Test
    @DisplayName("compute a stable 32-byte HMAC that verifies, and reject a changed one")
    void macs() {
      ManagedKey key = ring.current(KeyUse.HMAC_SHA256);
      byte[] mac = key.mac(DATA);
      assertThat(mac).hasSize(32).isEqualTo(key.mac(DATA));
      assertThat(key.verifyMac(DATA, mac)).isTrue();
      byte[] forged = Arrays.copyOf(mac, mac.length);
      forged[0] ^= 1;
      assertThat(key.verifyMac(DATA, forged)).isFalse();
    }

    @Test
    @DisplayName("seal and open data, and detect tampering and wrong associated data")
    void sealsAndOpens() {
      ManagedKey key = ring.current(KeyUse.AES_GCM);
      byte[] aad = "subject-1".getBytes(StandardCharsets.UTF_8);
      byte[] sealed = key.seal(DATA, aad);
      assertThat(key.open(sealed, aad)).isEqualTo(DATA);
      assertThat(key.seal(DATA, aad)).as("a fresh nonce each time").isNotEqualTo(sealed);
      byte[] tampered = Arrays.copyOf(sealed, sealed.length);
      tampered[tampered.length - 1] ^= 1;
      assertThatThrownBy(() -> key.open(tampered, aad)).isInstanceOf(IntegrityException.class);
      assertThatThrownBy(() -> key.open(sealed, "other".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(IntegrityException.class);
    }

    @Test
    @DisplayName("never show key material in toString")
    void toStringHidesMaterial() {
      for (KeyUse use : KeyUse.values()) {
        ManagedKey key = ring.current(use);
        assertThat(key.toString()).contains(key.keyId()).hasSizeLessThan(120);
      }
      assertThat(ring.toString()).hasSizeLessThan(200);
    }
  }

  @Nested
  @DisplayName("rotation")
  class Rotation {
    @Test
    @DisplayName("makes a new key current and keeps the old one for verification")
    void keepsOldKeys() {
      ManagedKey old = ring.current(KeyUse.HMAC_SHA256);
      byte[] oldMac = old.mac(DATA);
      rotate(ring, KeyUse.HMAC_SHA256);
      ManagedKey now = ring.current(KeyUse.HMAC_SHA256);
      assertThat(now.keyId()).isNotEqualTo(old.keyId());
      assertThat(now.mac(DATA)).isNotEqualTo(oldMac);
      assertThat(ring.find(old.keyId())).isPresent();
      assertThat(ring.find(old.keyId()).orElseThrow().verifyMac(DATA, oldMac)).isTrue();
    }

    @Test
    @DisplayName("keeps data sealed under an old key readable")
    void oldSealedDataReadable() {
      ManagedKey old = ring.current(KeyUse.AES_GCM);
      byte[] sealed = old.seal(DATA, null);
      rotate(ring, KeyUse.AES_GCM);
      assertThat(ring.current(KeyUse.AES_GCM).keyId()).isNotEqualTo(old.keyId());
      assertThat(ring.find(old.keyId()).orElseThrow().open(sealed, null)).isEqualTo(DATA);
    }
  }

  @Test
  @DisplayName("finds nothing for an unknown or null id")
  void unknownIds() {
    assertThat(ring.find("zzzzzzzz")).isEmpty();
    assertThat(ring.find(null)).isEmpty();
  }
}
