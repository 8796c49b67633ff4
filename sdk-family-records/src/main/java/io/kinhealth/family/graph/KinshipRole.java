package io.kinhealth.family.graph;

import io.kinhealth.core.error.ValidationException;

/**
 * A family relationship as an HL7 v3 RoleCode (code system {@value #SYSTEM}), the vocabulary FHIR's
 * {@code RelatedPerson.relationship} uses. {@code Relationship(person, relative, MTH)} reads "the relative is the
 * person's mother". Each role knows its inverse (MTH of a child → the child is the mother's CHILD).
 */
public enum KinshipRole {
  SPS("spouse"),
  HUSB("husband"),
  WIFE("wife"),
  DOMPART("domestic partner"),
  PRN("parent"),
  MTH("mother"),
  FTH("father"),
  STPPRN("step parent"),
  CHILD("child"),
  SON("natural son"),
  DAU("natural daughter"),
  STPCHLD("step child"),
  GRPRN("grandparent"),
  GRMTH("grandmother"),
  GRFTH("grandfather"),
  GRNDCHILD("grandchild"),
  GRNDSON("grandson"),
  GRNDDAU("granddaughter"),
  SIB("sibling"),
  BRO("brother"),
  SIS("sister"),
  EXT("extended family member"),
  FAMMEMB("family member");

  /** The HL7 v3 RoleCode code system URI. */
  public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

  private final String display;

  KinshipRole(String display) {
    this.display = display;
  }

  public String code() {
    return name();
  }

  public String display() {
    return display;
  }

  /** The role seen from the other side, without assuming the other person's sex (MTH → CHILD, SON → PRN). */
  public KinshipRole inverse() {
    return switch (this) {
      case SPS, HUSB, WIFE -> SPS;
      case DOMPART -> DOMPART;
      case PRN, MTH, FTH -> CHILD;
      case STPPRN -> STPCHLD;
      case CHILD, SON, DAU -> PRN;
      case STPCHLD -> STPPRN;
      case GRPRN, GRMTH, GRFTH -> GRNDCHILD;
      case GRNDCHILD, GRNDSON, GRNDDAU -> GRPRN;
      case SIB, BRO, SIS -> SIB;
      case EXT -> EXT;
      case FAMMEMB -> FAMMEMB;
    };
  }

  /** Whether the relative in this role is a parent (natural or step) of the person. */
  public boolean isParent() {
    return this == PRN || this == MTH || this == FTH || this == STPPRN;
  }

  /** Parses a RoleCode code such as {@code MTH}. */
  public static KinshipRole ofCode(String code) {
    for (KinshipRole r : values()) {
      if (r.name().equals(code)) {
        return r;
      }
    }
    throw new ValidationException("relationship", "family.relationship.unknown",
        "not a supported HL7 v3 RoleCode family relationship");
  }
}
