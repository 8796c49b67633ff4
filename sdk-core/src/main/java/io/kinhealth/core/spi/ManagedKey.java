package io.kinhealth.core.spi;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A secret key held by a {@link KeyRing}, exposed only through the operations its {@link #use()} allows, so a host
 * can back it by a KMS or HSM without the key material ever leaving it.
 *
 * <p>Guarantees: {@link #toString()} shows the key id and use, never key material; {@link #keyId()} is 1 to 8
 * characters of {@code [A-Za-z0-9]} so it fits inside short tokens (a WeChat QR {@code scene} has 32).
 */
public interface ManagedKey {
  String keyId();

  KeyUse use();

  /**
   * HMAC-SHA256 of {@code data} (32 bytes).
   *
   * @throws UnsupportedOperationException if this is not an {@link KeyUse#HMAC_SHA256} key
   */
  byte[] mac(byte[] data);

  /** Whether {@code expected} is the MAC of {@code data}, compared in constant time. */
  default boolean verifyMac(byte[] data, byte[] expected) {
    return MessageDigest.isEqual(mac(data), expected);
  }

  /** The fewest bytes a truncated MAC may keep (64 bits; NIST SP 800-107 section 5.3.3). */
  int MIN_TRUNCATED_MAC_BYTES = 8;

  /**
   * Whether {@code expectedPrefix} equals the first {@code expectedPrefix.length} bytes of the MAC of {@code data},
   * compared in constant time. Short tokens (a WeChat QR {@code scene} holds 32 characters) can only carry a
   * truncated MAC; a prefix shorter than {@value #MIN_TRUNCATED_MAC_BYTES} bytes or longer than the MAC never
   * verifies.
   */
  default boolean verifyTruncatedMac(byte[] data, byte[] expectedPrefix) {
    if (expectedPrefix == null || expectedPrefix.length < MIN_TRUNCATED_MAC_BYTES) {
      return false;
    }
    byte[] full = mac(data);
    if (expectedPrefix.length > full.length) {
      return false;
    }
    return MessageDigest.isEqual(Arrays.copyOf(full, expectedPrefix.length), expectedPrefix);
  }

  /**
   * Encrypts with AES-GCM under a fresh random nonce; returns nonce, ciphertext and tag in one array.
   *
   * @throws UnsupportedOperationException if this is not an {@link KeyUse#AES_GCM} key
   */
  byte[] seal(byte[] plaintext, byte[] associatedData);

  /**
   * Reverses {@link #seal}.
   *
   * @throws io.kinhealth.core.error.IntegrityException if the data was altered or sealed under another key
   */
  byte[] open(byte[] sealed, byte[] associatedData);
}
