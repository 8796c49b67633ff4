package io.kinhealth.family.graph;

/** Why someone is a minor's guardian (PRC Civil Code art. 27: parents first, then others by order or appointment). */
public enum GuardianshipBasis {
  PARENT,
  APPOINTED
}
