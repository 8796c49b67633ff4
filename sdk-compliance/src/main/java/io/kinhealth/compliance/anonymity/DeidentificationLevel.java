package io.kinhealth.compliance.anonymity;

/** What an export is under PIPL art. 73. */
public enum DeidentificationLevel {
  /**
   * 去标识化: individuals cannot be identified without additional information (pseudonyms remain, keys exist). Still
   * personal information: consent, purpose limits and security duties continue to apply.
   */
  DE_IDENTIFIED,
  /**
   * 匿名化: no direct identifier or pseudonym is released and every group of quasi-identifiers holds at least k rows.
   * No longer personal information, as far as k-anonymity can show it (a host's own re-identification review is
   * still advised before publication).
   */
  ANONYMISED
}
