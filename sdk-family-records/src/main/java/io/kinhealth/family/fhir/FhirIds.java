package io.kinhealth.family.fhir;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * How SDK ids become FHIR ids and bundle URLs: an SDK id that is a valid FHIR id ({@code [A-Za-z0-9-.]{1,64}}) is
 * kept; any other (SDK ids may hold {@code :} and {@code _}) is replaced by a name-based UUID of the resource type and
 * id, so the same object always gets the same FHIR id. Entries are addressed as {@code urn:uuid:} URLs (the SDK id
 * itself when it is a UUID), and resources refer to each other by them. The original id always travels as an
 * identifier. Stateless and thread-safe; the checks are plain loops because an export runs them per observation.
 */
public final class FhirIds {
  static final String URN_UUID = "urn:uuid:";

  private FhirIds() {}

  /** The FHIR id for an SDK id of a resource type. */
  public static String id(String resourceType, String sdkId) {
    return isFhirId(sdkId) ? sdkId : nameUuid(resourceType, sdkId);
  }

  /** The bundle URL ({@code urn:uuid:...}) of a resource. */
  public static String url(String resourceType, String sdkId) {
    return URN_UUID + uuidPart(resourceType, sdkId);
  }

  /** The UUID of a resource's URL: the SDK id itself (lower case) when it is a UUID, else a name-based one. */
  static String uuidPart(String resourceType, String sdkId) {
    return isUuid(sdkId) ? sdkId.toLowerCase(java.util.Locale.ROOT) : nameUuid(resourceType, sdkId);
  }

  static boolean isFhirId(String s) {
    int n = s.length();
    if (n == 0 || n > 64) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  static boolean isUuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  private static String nameUuid(String resourceType, String sdkId) {
    return UUID.nameUUIDFromBytes(("kinhealth:" + resourceType + "/" + sdkId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
