package io.kinhealth.core.model;

/** Professional title (职称) of a practitioner. */
public enum PractitionerTitle {
  /** 主任医师 */
  CHIEF_PHYSICIAN,
  /** 副主任医师 */
  ASSOCIATE_CHIEF_PHYSICIAN,
  /** 主治医师 */
  ATTENDING_PHYSICIAN,
  /** 住院医师 / 医师 */
  RESIDENT_PHYSICIAN,
  /** 主任护师 / 副主任护师 */
  SENIOR_NURSE,
  /** 主管护师 / 护师 / 护士 */
  NURSE,
  /** 药师 */
  PHARMACIST,
  /** 技师 */
  TECHNICIAN,
  NONE
}
