package io.kinhealth.family.graph;

/**
 * Why a viewer may ask to see a member's record: what the consent decision is told and what the audit records.
 */
public enum ViewerStanding {
  /** The member's own record: no consent decision is needed. */
  SELF,
  /** The viewer is the guardian of a child under the own-consent age (14): the guardian consents for the child. */
  GUARDIAN_OF_CHILD,
  /**
   * The viewer is the guardian of a minor from 14 to 18: the delegated view covers non-sensitive data; sensitive
   * data (health data) needs the minor's own consent.
   */
  GUARDIAN_OF_MINOR,
  /** Another member of a shared family: the member's own consent decides. */
  RELATIVE,
  /** Not in any family with the member: nothing may be seen. */
  NONE
}
