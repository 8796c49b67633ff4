package io.kinhealth.family.graph;

/** Where an invitation stands. Only a PENDING invitation can change, and only once. */
public enum InvitationStatus {
  PENDING,
  ACCEPTED,
  DECLINED,
  REVOKED,
  EXPIRED
}
