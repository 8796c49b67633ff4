package io.kinhealth.family.graph;

import io.kinhealth.core.id.TypedId;

/** Identifies an invitation to join a family. */
public record InvitationId(String value) implements TypedId {
  public InvitationId {
    value = TypedId.requireValid(value, "invitationId");
  }

  public static InvitationId of(String value) {
    return new InvitationId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
