package io.kinhealth.compliance.taxonomy;

import io.kinhealth.core.validation.Check;

/**
 * A lawful basis for processing, one of the items of PIPL art. 13 (consent is item 1; contract necessity, legal
 * duties, public-health emergencies and protecting life or health, news reporting, public information and other laws
 * need no consent). Equal when codes are equal.
 */
public final class LawfulBasis {
  private final String code;
  private final String name;
  private final String citation;
  private final boolean requiresConsent;
  private final int hash;

  private LawfulBasis(String code, String name, String citation, boolean requiresConsent) {
    this.code = Codes.require(code, "lawfulBasis.code");
    this.name = Check.text(name, "lawfulBasis.name", 200);
    this.citation = Check.text(citation, "lawfulBasis.citation", 200);
    this.requiresConsent = requiresConsent;
    this.hash = this.code.hashCode();
  }

  public static LawfulBasis of(String code, String name, String citation, boolean requiresConsent) {
    return new LawfulBasis(code, name, citation, requiresConsent);
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  /** E.g. {@code PIPL art. 13(2)}. */
  public String citation() {
    return citation;
  }

  /** True only for consent itself. */
  public boolean requiresConsent() {
    return requiresConsent;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof LawfulBasis b && b.code.equals(code));
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
