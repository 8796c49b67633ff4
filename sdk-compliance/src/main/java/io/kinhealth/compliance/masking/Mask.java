package io.kinhealth.compliance.masking;

/**
 * Turns a personal value into what may be shown or exported. Implementations are stateless and thread-safe, never
 * throw on odd input (a value they cannot read is redacted, never passed through), and return {@code null} for
 * {@code null}.
 */
public interface Mask {
  /** The name a policy or a {@link io.kinhealth.compliance.MaskingObligation} refers to it by. */
  String name();

  Object apply(Object value);
}
