package io.kinhealth.core.crypto;

import io.kinhealth.core.error.IntegrityException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.spi.KeyUse;
import io.kinhealth.core.spi.ManagedKey;
import io.kinhealth.core.validation.Check;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link ManagedKey} whose material is held in this JVM (JCA {@code HmacSHA256} or {@code AES/GCM/NoPadding}).
 *
 * <p>Keys must be 32 bytes (256 bits). The material is copied in and never returned; {@link #toString()} shows only
 * the id and use. Thread-safe: each operation gets its own {@code Mac}/{@code Cipher}.
 */
public final class LocalKey implements ManagedKey {
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom NONCES = new SecureRandom();

  private final String keyId;
  private final KeyUse use;
  private final SecretKeySpec key;

  private LocalKey(String keyId, KeyUse use, byte[] material) {
    this.keyId = checkKeyId(keyId);
    this.use = Check.notNull(use, "use");
    Check.notNull(material, "material");
    Check.that(material.length == KEY_BYTES, "material", "key.length", "a key has 32 bytes");
    this.key = new SecretKeySpec(material, use == KeyUse.HMAC_SHA256 ? "HmacSHA256" : "AES");
  }

  /** A key over the given 32 bytes of material. */
  public static LocalKey of(String keyId, KeyUse use, byte[] material) {
    return new LocalKey(keyId, use, material);
  }

  /** A new random key. */
  public static LocalKey generate(String keyId, KeyUse use, SecureRandom random) {
    byte[] material = new byte[KEY_BYTES];
    Check.notNull(random, "random").nextBytes(material);
    try {
      return new LocalKey(keyId, use, material);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  /** Key ids are 1-8 base62 characters so they fit in short tokens. */
  public static String checkKeyId(String keyId) {
    String id = Check.notBlank(keyId, "keyId");
    if (id.length() > 8 || !Base62.isBase62(id)) {
      throw new ValidationException("keyId", "key.id_format", "a key id is 1 to 8 characters of [0-9A-Za-z]");
    }
    return id;
  }

  @Override
  public String keyId() {
    return keyId;
  }

  @Override
  public KeyUse use() {
    return use;
  }

  @Override
  public byte[] mac(byte[] data) {
    requireUse(KeyUse.HMAC_SHA256);
    Check.notNull(data, "data");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public byte[] seal(byte[] plaintext, byte[] associatedData) {
    requireUse(KeyUse.AES_GCM);
    Check.notNull(plaintext, "plaintext");
    byte[] nonce = new byte[NONCE_BYTES];
    NONCES.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      if (associatedData != null) {
        cipher.updateAAD(associatedData);
      }
      byte[] body = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(NONCE_BYTES + body.length).put(nonce).put(body).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }

  @Override
  public byte[] open(byte[] sealed, byte[] associatedData) {
    requireUse(KeyUse.AES_GCM);
    Check.notNull(sealed, "sealed");
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IntegrityException("crypto.truncated", "sealed", "sealed data is too short");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      if (associatedData != null) {
        cipher.updateAAD(associatedData);
      }
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new IntegrityException("crypto.tag_mismatch", "sealed", "sealed data was altered or uses another key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }

  private void requireUse(KeyUse required) {
    if (use != required) {
      throw new UnsupportedOperationException("key " + keyId + " is for " + use + ", not " + required);
    }
  }

  @Override
  public String toString() {
    return "LocalKey[" + keyId + ", " + use + "]";
  }
}
