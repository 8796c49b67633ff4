package io.kinhealth.core.model;

/** The kind of organisation taking part in care, referral or payment. */
public enum OrganisationType {
  HOSPITAL,
  CLINIC,
  TCM_CLINIC,
  MEDICAL_BEAUTY_CLINIC,
  PHARMACY,
  INSURER,
  /** The operator of the host platform (the app, mini-program or Q&A service). */
  PLATFORM,
  SUPPLIER,
  /** A sales agency or channel partner. */
  AGENCY
}
