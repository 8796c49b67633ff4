package io.kinhealth.family.stats;

/**
 * The calendar span of a bucket, in the member's zone: an hour, a day (local midnight to local midnight: 23 or 25
 * hours on daylight-saving days), an ISO week (Monday to Monday) or a calendar month.
 */
public enum BucketSize {
  HOUR,
  DAY,
  WEEK,
  MONTH
}
