package io.kinhealth.compliance.taxonomy;

/** Handles on the processing actions of {@link Vocabulary#standard()}; definitions live in its resource file. */
public final class StandardActions {
  private StandardActions() {}

  public static final ProcessingAction COLLECT = of("collect");
  public static final ProcessingAction USE = of("use");
  /** Providing data to another processor: separate consent naming the recipient (PIPL art. 23). */
  public static final ProcessingAction SHARE = of("share");
  /** Public disclosure: separate consent (PIPL art. 25). */
  public static final ProcessingAction DISCLOSE = of("disclose");
  /** Cross-border provision: separate consent naming the recipient (PIPL art. 39). */
  public static final ProcessingAction TRANSFER_ABROAD = of("transfer_abroad");

  private static ProcessingAction of(String code) {
    return Vocabulary.standard().requireAction(code);
  }
}
