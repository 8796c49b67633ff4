package io.kinhealth.family.graph;

/**
 * What a member may do to the family itself (not to anyone's health data, which consent governs): the owner manages
 * everything and cannot be removed; managers invite and remove ordinary members; members take part.
 */
public enum MemberRole {
  OWNER,
  MANAGER,
  MEMBER;

  /** Whether this role may invite people and declare guardianships. */
  public boolean administers() {
    return this == OWNER || this == MANAGER;
  }
}
