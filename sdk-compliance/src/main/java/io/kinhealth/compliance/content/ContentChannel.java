package io.kinhealth.compliance.content;

import io.kinhealth.core.error.ValidationException;
import java.util.Locale;

/**
 * Where a piece of marketing copy is published. Some rules apply to one channel only (a promotional SMS must carry
 * an opt-out); {@link #UNSPECIFIED} applies every channel-independent rule.
 */
public enum ContentChannel {
  WECHAT_OFFICIAL_ACCOUNT("wechat_official_account", "official_account", "公众号"),
  WECHAT_MOMENTS("wechat_moments", "moments", "朋友圈"),
  WECHAT_GROUP("wechat_group", "group", "群聊"),
  XIAOHONGSHU("xiaohongshu", "red", "小红书"),
  MEITUAN_REVIEW_PROMPT("meituan_review_prompt", "meituan", "美团"),
  SMS("sms", "text_message", "短信"),
  APP_PUSH("app_push", "push", "推送"),
  UNSPECIFIED("unspecified", "", "other");

  private final String[] names;

  ContentChannel(String... names) {
    this.names = names;
  }

  /** The channel's stable lower-case name, as used by the command-line tool. */
  public String id() {
    return names[0];
  }

  /**
   * Parses an enum name or one of its aliases (case-insensitive): {@code SMS}, {@code sms}, {@code moments},
   * {@code 小红书}. Null or blank means {@link #UNSPECIFIED}; anything else is a {@link ValidationException} on
   * {@code channel}.
   */
  public static ContentChannel parse(String value) {
    if (value == null || value.isBlank()) {
      return UNSPECIFIED;
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (ContentChannel c : values()) {
      if (c.name().toLowerCase(Locale.ROOT).equals(v)) {
        return c;
      }
      for (String alias : c.names) {
        if (!alias.isEmpty() && alias.equals(v)) {
          return c;
        }
      }
    }
    throw new ValidationException("channel", "content.channel.unknown",
        "channel must be one of sms, wechat_official_account, wechat_moments, wechat_group, xiaohongshu, "
            + "meituan_review_prompt, app_push, unspecified");
  }
}
