package io.kinhealth.family.observation;

/** What was analysed: a finger-prick meter reads capillary blood, a CGM reads interstitial fluid. */
public enum Specimen {
  CAPILLARY_BLOOD,
  INTERSTITIAL_FLUID,
  VENOUS_BLOOD,
  WHOLE_BLOOD,
  PLASMA,
  SERUM,
  TEARS
}
