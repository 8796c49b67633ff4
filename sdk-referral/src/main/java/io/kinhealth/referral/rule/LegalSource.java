package io.kinhealth.referral.rule;

import io.kinhealth.core.validation.Check;

/**
 * A law, regulation or documented practice that a guard encodes, as cited in a {@link GuardPolicy}.
 *
 * @param article the article, when one is cited (e.g. {@code 第三十一条}); else null
 * @param year the year of the version cited, or 0 when not known
 * @param note what the SDK takes from it, in a sentence
 */
public record LegalSource(String id, String title, String issuer, String article, int year, String note) {
  public LegalSource {
    id = Check.text(id, "id", 64);
    title = Check.text(title, "title", 200);
  }

  /** {@code 中华人民共和国医师法 第三十一条 (2021)}. */
  public String citation() {
    StringBuilder sb = new StringBuilder(title);
    if (article != null && !article.isBlank()) {
      sb.append(' ').append(article);
    }
    if (year > 0) {
      sb.append(" (").append(year).append(')');
    }
    return sb.toString();
  }
}
