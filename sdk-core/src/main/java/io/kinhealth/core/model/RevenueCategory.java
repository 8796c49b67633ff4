package io.kinhealth.core.model;

/**
 * What an order line earns money for. Every revenue line is tagged so that pay rules can be checked against the
 * law: staff of medical institutions must not be paid a share of drug, examination or consumable revenue
 * (九不准 2013; 医疗机构工作人员廉洁从业九项准则 2021; 医师法 art. 31; 药品管理法 art. 88).
 */
public enum RevenueCategory {
  /** A treatment or procedure performed (e.g. a medical-beauty service, physiotherapy). */
  SERVICE,
  /** A consultation or an answer given by a practitioner. */
  CONSULTATION,
  /** Paid content: an unlocked answer, an article, a course. */
  CONTENT,
  DRUG,
  /** Examinations and tests (检查, 检验). */
  EXAM,
  /** Medical consumables (耗材), e.g. fillers, implants. */
  CONSUMABLE,
  /** Home devices and equipment sold. */
  DEVICE;

  /**
   * Whether the law forbids paying a doctor or staff member a share of this revenue. This is the current reading of
   * the rules cited above; pay-rule validation in {@code kinhealth-referral} consults its own versioned policy.
   */
  public boolean isStaffShareForbidden() {
    return this == DRUG || this == EXAM || this == CONSUMABLE;
  }
}
