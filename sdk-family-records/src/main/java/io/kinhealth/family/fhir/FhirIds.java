package io.kinhealth.family.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How SDK ids become FHIR ids and bundle URLs: an SDK id that is a valid FHIR id ({@code [A-Za-z0-9-.]{1,64}}) is
 * kept; any other (SDK ids may hold {@code :} and {@code _}) is replaced by a name-based UUID of the resource type and
 * id, so the same object always gets the same FHIR id. Entries are addressed as {@code urn:uuid:} URLs (the SDK id
 * itself when it is a UUID), and resources refer to each other by them. The original id always travels as an
 * identifier. Thread-safe.
 */
public final class FhirIds {
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final int CACHE = 4096;

  private final Map<String, String> urls = new ConcurrentHashMap<>();

  /** The FHIR id for an SDK id of a resource type. */
  public static String id(String resourceType, String sdkId) {
    return FHIR_ID.matcher(sdkId).matches() ? sdkId : nameUuid(resourceType, sdkId);
  }

  /** The bundle URL ({@code urn:uuid:...}) of a resource. */
  public static String url(String resourceType, String sdkId) {
    if (UUID_TEXT.matcher(sdkId).matches()) {
      return "urn:uuid:" + sdkId.toLowerCase(java.util.Locale.ROOT);
    }
    return "urn:uuid:" + nameUuid(resourceType, sdkId);
  }

  /** {@link #url} remembered per id (patients are referred to by every observation). */
  String cachedUrl(String resourceType, String sdkId) {
    String key = resourceType + '/' + sdkId;
    String u = urls.get(key);
    if (u == null) {
      u = url(resourceType, sdkId);
      if (urls.size() < CACHE) {
        urls.put(key, u);
      }
    }
    return u;
  }

  private static String nameUuid(String resourceType, String sdkId) {
    return UUID.nameUUIDFromBytes(("kinhealth:" + resourceType + "/" + sdkId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
