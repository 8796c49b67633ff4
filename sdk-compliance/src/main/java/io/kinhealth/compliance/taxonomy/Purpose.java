package io.kinhealth.compliance.taxonomy;

import io.kinhealth.core.validation.Check;

/**
 * Why personal data is processed (PIPL art. 6: a specified, reasonable purpose), e.g. {@code treatment},
 * {@code family_sharing}, {@code marketing}. Equal when codes are equal; the {@link Vocabulary} holds one definition
 * per code.
 */
public final class Purpose {
  private final String code;
  private final String name;
  private final String nameZh;
  private final String description;
  private final int hash;

  private Purpose(String code, String name, String nameZh, String description) {
    this.code = Codes.require(code, "purpose.code");
    this.name = Check.text(name, "purpose.name", 200);
    this.nameZh = nameZh == null ? this.name : Check.text(nameZh, "purpose.nameZh", 200);
    this.description = description == null ? "" : description.strip();
    this.hash = this.code.hashCode();
  }

  /** A purpose definition; register it in a {@link Vocabulary} before use. */
  public static Purpose of(String code, String name, String nameZh, String description) {
    return new Purpose(code, name, nameZh, description);
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public String nameZh() {
    return nameZh;
  }

  public String description() {
    return description;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Purpose p && p.code.equals(code));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return code;
  }
}
