package io.kinhealth.core.id;

/** An acquisition channel a patient can arrive through. */
public record ChannelId(String value) implements TypedId {
  public ChannelId {
    value = TypedId.requireValid(value, "channelId");
  }

  public static ChannelId of(String value) {
    return new ChannelId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
