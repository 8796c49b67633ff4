package io.kinhealth.core.model;

import java.time.ZoneId;

/** Time zones the SDK defaults to. */
public final class Zones {
  private Zones() {}

  /** Asia/Shanghai (China Standard Time, UTC+8, no daylight saving): the default zone for members and buckets. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
}
