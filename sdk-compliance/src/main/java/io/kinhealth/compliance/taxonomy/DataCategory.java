package io.kinhealth.compliance.taxonomy;

import io.kinhealth.core.validation.Check;
import java.util.Optional;

/**
 * A kind of personal data, named by a dotted code whose prefixes are its ancestors ({@code health.vital_signs} is a
 * child of {@code health}).
 *
 * <p>Guarantees: the code is lower-case dotted words; two categories are equal when their codes are equal (the
 * {@link Vocabulary} holding them guarantees one definition per code, and decisions always use the vocabulary's
 * definition, never the caller's copy). {@link #sensitive()} marks PIPL art. 28 sensitive personal information with
 * the source of that classification; a child of a sensitive category is sensitive too (checked by the vocabulary).
 * Each category names its GB/T 39725 class and the closest fideslang data-category key, so a host can exchange its
 * data map with Fides.
 */
public final class DataCategory {
  private final String code;
  private final String name;
  private final String nameZh;
  private final boolean sensitive;
  private final String sensitivitySource;
  private final HealthDataClass healthDataClass;
  private final String fidesKey;
  private final int hash;

  private DataCategory(Builder b) {
    this.code = Codes.require(b.code, "category.code");
    this.name = Check.text(b.name, "category.name", 200);
    this.nameZh = b.nameZh == null ? this.name : Check.text(b.nameZh, "category.nameZh", 200);
    this.sensitive = b.sensitive;
    this.sensitivitySource = b.sensitive ? Check.text(b.sensitivitySource, "category.sensitivitySource", 200) : null;
    this.healthDataClass = b.healthDataClass == null ? HealthDataClass.NOT_HEALTH_DATA : b.healthDataClass;
    this.fidesKey = b.fidesKey == null ? null : Check.text(b.fidesKey, "category.fidesKey", 200);
    this.hash = code.hashCode();
  }

  /** Starts a category definition with the given code. */
  public static Builder builder(String code) {
    return new Builder(code);
  }

  public String code() {
    return code;
  }

  /** English display name. */
  public String name() {
    return name;
  }

  /** Chinese display name. */
  public String nameZh() {
    return nameZh;
  }

  /** Sensitive personal information (PIPL art. 28): processing on consent needs separate consent (art. 29). */
  public boolean sensitive() {
    return sensitive;
  }

  /** Where the sensitive classification comes from, e.g. {@code PIPL art. 28}; empty when not sensitive. */
  public Optional<String> sensitivitySource() {
    return Optional.ofNullable(sensitivitySource);
  }

  public HealthDataClass healthDataClass() {
    return healthDataClass;
  }

  /** The closest fideslang data-category key, e.g. {@code user.health}; empty when none fits. */
  public Optional<String> fidesKey() {
    return Optional.ofNullable(fidesKey);
  }

  /** The parent's code, or empty for a top-level category. */
  public Optional<String> parentCode() {
    int dot = code.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : Optional.of(code.substring(0, dot));
  }

  /** Whether this category is {@code other} or one of its descendants. */
  public boolean isWithin(DataCategory other) {
    return isWithin(other.code);
  }

  boolean isWithin(String ancestorCode) {
    return code.equals(ancestorCode)
        || (code.length() > ancestorCode.length() && code.startsWith(ancestorCode)
            && code.charAt(ancestorCode.length()) == '.');
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof DataCategory d && d.code.equals(code));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return code;
  }

  /** Builds a {@link DataCategory}; validated in {@link #build()}. */
  public static final class Builder {
    private final String code;
    private String name;
    private String nameZh;
    private boolean sensitive;
    private String sensitivitySource;
    private HealthDataClass healthDataClass;
    private String fidesKey;

    private Builder(String code) {
      this.code = code;
    }

    public Builder name(String name, String nameZh) {
      this.name = name;
      this.nameZh = nameZh;
      return this;
    }

    /** Marks the category sensitive, citing the source, e.g. {@code PIPL art. 28}. */
    public Builder sensitive(String source) {
      this.sensitive = true;
      this.sensitivitySource = source;
      return this;
    }

    public Builder healthDataClass(HealthDataClass value) {
      this.healthDataClass = value;
      return this;
    }

    public Builder fidesKey(String value) {
      this.fidesKey = value;
      return this;
    }

    public DataCategory build() {
      return new DataCategory(this);
    }
  }
}
