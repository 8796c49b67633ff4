package io.kinhealth.compliance;

/** Who is asking to process a subject's data. */
public enum RequesterKind {
  /** A natural person, typically a relative viewing a family member's records. */
  PERSON,
  /** A practitioner (doctor, nurse, health manager), optionally acting for an organisation. */
  PRACTITIONER,
  /** An organisation: a hospital, clinic, insurer, laboratory, marketing partner. */
  ORGANISATION,
  /** The platform itself: the personal-information processor the subject consented to. */
  PLATFORM
}
