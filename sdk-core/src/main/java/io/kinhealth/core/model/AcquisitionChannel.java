package io.kinhealth.core.model;

import io.kinhealth.core.id.ChannelId;
import io.kinhealth.core.id.OrganisationId;
import io.kinhealth.core.validation.Check;

/**
 * A channel customers arrive through, for attribution and revenue share. {@code owner} is the organisation that
 * runs or is paid for the channel (an agency, the platform), or null when nobody is.
 */
public record AcquisitionChannel(ChannelId id, ChannelType type, String name, OrganisationId owner) {
  public AcquisitionChannel {
    Check.notNull(id, "id");
    Check.notNull(type, "type");
    name = Check.text(name, "name", 200);
  }
}
