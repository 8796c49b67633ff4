package io.kinhealth.compliance.notice;

import io.kinhealth.compliance.Requester;
import io.kinhealth.compliance.internal.Digest;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.ProcessingAction;
import io.kinhealth.compliance.taxonomy.Purpose;
import io.kinhealth.core.validation.Check;
import java.util.Set;

/**
 * What a privacy notice tells the individual (PIPL art. 17): who the processor is and how to reach them, the
 * purposes, the processing methods (actions), the categories, the named recipients (art. 23), how long data is kept,
 * how to exercise rights, and why sensitive data is necessary (art. 30), plus the full text shown.
 *
 * <p>Guarantees: every required element is present; the sets are immutable; {@link #sha256()} is a stable digest of
 * all of it, independent of set order. A change of {@link #purposes()}, {@link #categories()},
 * {@link #actions()} or {@link #recipients()} is material (art. 14: re-consent required).
 */
public record NoticeContent(
    String processorName,
    String processorContact,
    Set<Purpose> purposes,
    Set<DataCategory> categories,
    Set<ProcessingAction> actions,
    Set<Requester> recipients,
    String retention,
    String rightsHowTo,
    String sensitiveNecessity,
    String language,
    String text) {

  public NoticeContent {
    processorName = Check.text(processorName, "notice.processorName", 200);
    processorContact = Check.text(processorContact, "notice.processorContact", 500);
    purposes = Set.copyOf(Check.notEmpty(purposes, "notice.purposes"));
    categories = Set.copyOf(Check.notEmpty(categories, "notice.categories"));
    actions = Set.copyOf(Check.notEmpty(actions, "notice.actions"));
    recipients = recipients == null ? Set.of() : Set.copyOf(Check.noNulls(recipients, "notice.recipients"));
    retention = Check.text(retention, "notice.retention", 2_000);
    rightsHowTo = Check.text(rightsHowTo, "notice.rightsHowTo", 2_000);
    sensitiveNecessity = sensitiveNecessity == null ? "" : sensitiveNecessity.strip();
    language = language == null ? "zh-CN" : Check.text(language, "notice.language", 20);
    text = Check.text(text, "notice.text", 200_000);
  }

  /** SHA-256 (hex) of the whole content, stable across set orderings. */
  public String sha256() {
    return Digest.sha256().add(processorName).add(processorContact).addSorted(purposes).addSorted(categories)
        .addSorted(actions).addSorted(recipients).add(retention).add(rightsHowTo).add(sensitiveNecessity)
        .add(language).add(text).hex();
  }

  /** Whether going from {@code previous} to this content changes what the individual agreed to (art. 14). */
  public boolean isMaterialChangeFrom(NoticeContent previous) {
    return !purposes.equals(previous.purposes) || !categories.equals(previous.categories)
        || !actions.equals(previous.actions) || !recipients.equals(previous.recipients);
  }

  @Override
  public String toString() {
    return "NoticeContent[purposes=" + purposes + ", categories=" + categories + "]";
  }
}
