package io.kinhealth.core.model;

/** Administrative sex as recorded on an identity document (GB 11643 sequence digit), or unknown. */
public enum Sex {
  MALE,
  FEMALE,
  UNKNOWN
}
