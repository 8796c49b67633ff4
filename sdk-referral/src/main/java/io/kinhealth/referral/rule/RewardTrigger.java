package io.kinhealth.referral.rule;

/**
 * What earns a rule's rewards. Only {@link #PAID_ORDER} passes validation: rewards for sign-ups alone pay for
 * recruitment rather than for a sale, which China's anti-pyramid regulation (禁止传销条例, 2005) targets. The other
 * value exists so that configurations ported from mall systems (邀请注册奖励) are refused with a named reason
 * instead of being silently misread.
 */
public enum RewardTrigger {
  /** A paid order: shares of real revenue. */
  PAID_ORDER,
  /** A sign-up or registration with no sale: always refused ({@code referral.rule.signup_reward}). */
  SIGN_UP
}
