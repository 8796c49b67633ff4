package io.kinhealth.compliance.taxonomy;

import io.kinhealth.core.validation.Check;
import java.util.Optional;

/**
 * What is done with personal data: {@code collect}, {@code use}, {@code share} (provide to another processor),
 * {@code disclose} (make public), {@code transfer_abroad}.
 *
 * <p>An action may by itself require separate consent ({@link #separateConsentCitation()}, e.g. PIPL art. 23 for
 * sharing, art. 25 for disclosure, art. 39 for cross-border transfer) and may require the recipient to be named in
 * the consent ({@link #recipientMustBeNamed()}). Equal when codes are equal.
 */
public final class ProcessingAction {
  private final String code;
  private final String name;
  private final String nameZh;
  private final String separateConsentCitation;
  private final boolean recipientMustBeNamed;
  private final int hash;

  private ProcessingAction(String code, String name, String nameZh, String separateConsentCitation,
      boolean recipientMustBeNamed) {
    this.code = Codes.require(code, "action.code");
    this.name = Check.text(name, "action.name", 200);
    this.nameZh = nameZh == null ? this.name : Check.text(nameZh, "action.nameZh", 200);
    this.separateConsentCitation = separateConsentCitation == null ? null
        : Check.text(separateConsentCitation, "action.separateConsentCitation", 200);
    this.recipientMustBeNamed = recipientMustBeNamed;
    this.hash = this.code.hashCode();
  }

  /**
   * An action definition.
   *
   * @param separateConsentCitation the article that requires separate consent for this action, or null
   * @param recipientMustBeNamed whether a consent must name the recipient (the requester) for this action
   */
  public static ProcessingAction of(String code, String name, String nameZh, String separateConsentCitation,
      boolean recipientMustBeNamed) {
    return new ProcessingAction(code, name, nameZh, separateConsentCitation, recipientMustBeNamed);
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

  /** Whether this action needs separate consent whatever the data. */
  public boolean requiresSeparateConsent() {
    return separateConsentCitation != null;
  }

  /** The article requiring separate consent for this action, e.g. {@code PIPL art. 23}. */
  public Optional<String> separateConsentCitation() {
    return Optional.ofNullable(separateConsentCitation);
  }

  public boolean recipientMustBeNamed() {
    return recipientMustBeNamed;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof ProcessingAction a && a.code.equals(code));
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
