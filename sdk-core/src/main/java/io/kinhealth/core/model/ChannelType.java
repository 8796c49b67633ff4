package io.kinhealth.core.model;

/** How a patient or customer was acquired. */
public enum ChannelType {
  WECHAT_OFFICIAL_ACCOUNT,
  WECHAT_MINI_PROGRAM,
  WECHAT_MOMENTS,
  WECHAT_GROUP,
  QR_CODE,
  XIAOHONGSHU,
  MEITUAN_DIANPING,
  DOUYIN,
  SMS,
  INSURER_APP,
  /** A sales agent or agency (代理). */
  AGENT,
  /** A patient or member sharing with family and friends. */
  PERSONAL_REFERRAL,
  OFFLINE_EVENT,
  WALK_IN,
  OTHER
}
