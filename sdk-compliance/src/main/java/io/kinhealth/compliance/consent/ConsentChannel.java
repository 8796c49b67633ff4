package io.kinhealth.compliance.consent;

/** Where consent was given or withdrawn (consent evidence; art. 15 wants withdrawal as easy as consent). */
public enum ConsentChannel {
  WECHAT_OFFICIAL_ACCOUNT,
  WECHAT_MINI_PROGRAM,
  APP,
  WEB,
  OFFLINE_PAPER,
  OFFLINE_IN_PERSON,
  PHONE,
  API
}
