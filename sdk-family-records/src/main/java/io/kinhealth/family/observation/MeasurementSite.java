package io.kinhealth.family.observation;

/**
 * Where on the body a measurement was taken. Temperature thresholds differ by site (axillary readings run lower
 * than rectal ones); blood pressure differs between arm and wrist.
 */
public enum MeasurementSite {
  AXILLARY,
  ORAL,
  RECTAL,
  TYMPANIC,
  FOREHEAD,
  TEMPORAL_ARTERY,
  FINGER,
  TOE,
  WRIST,
  VAGINAL,
  CHEST,
  LEFT_UPPER_ARM,
  RIGHT_UPPER_ARM,
  LEFT_WRIST,
  RIGHT_WRIST,
  LEFT_ANKLE,
  RIGHT_ANKLE,
  LEFT_THIGH,
  RIGHT_THIGH,
  LEFT_HIP,
  RIGHT_HIP,
  LEFT_THORAX,
  MIDDLE_LEFT_THORAX,
  ABDOMEN
}
