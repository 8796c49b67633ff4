package io.kinhealth.compliance.taxonomy;

/**
 * The health-data classes of GB/T 39725-2020 (信息安全技术 健康医疗数据安全指南), §5.1, to which a {@link DataCategory}
 * maps, plus {@link #NOT_HEALTH_DATA} for categories outside that standard's scope (location, behaviour, devices).
 */
public enum HealthDataClass {
  /** 个人属性数据: demographic, identity, contact, biometric data. */
  PERSONAL_ATTRIBUTES,
  /** 健康状况数据: vital signs, history, test results, reproductive health. */
  HEALTH_STATUS,
  /** 医疗应用数据: outpatient and inpatient records, diagnoses, prescriptions. */
  MEDICAL_APPLICATION,
  /** 医疗支付数据: insurance and payment data of care. */
  MEDICAL_PAYMENT,
  /** 卫生资源数据: hospitals, staff, equipment (rarely about a subject). */
  HEALTH_RESOURCES,
  /** 公共卫生数据: disease surveillance, epidemiology. */
  PUBLIC_HEALTH,
  /** Outside GB/T 39725's classes. */
  NOT_HEALTH_DATA
}
