package io.kinhealth.compliance.anonymity;

/**
 * A generalisation hierarchy for one quasi-identifier: level 0 is the exact value, each level coarser, and the last
 * level ({@link #levels()}) suppresses the value entirely ({@code *}). Implementations are pure and thread-safe.
 */
public interface Generalisation {
  /** The highest level; at that level every value becomes {@link Generalisations#SUPPRESSED}. */
  int levels();

  /** {@code value} at {@code level} (0..{@link #levels()}); null stays null. */
  Object generalise(Object value, int level);
}
