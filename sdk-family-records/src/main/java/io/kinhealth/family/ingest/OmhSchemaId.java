package io.kinhealth.family.ingest;

import io.kinhealth.core.validation.Check;

/** An Open mHealth schema id: namespace (always {@code omh} here), name and version, e.g. omh:blood-pressure:4.0. */
public record OmhSchemaId(String namespace, String name, String version) {
  public OmhSchemaId {
    namespace = Check.text(namespace, "schema_id.namespace", 64);
    name = Check.text(name, "schema_id.name", 64);
    version = Check.text(version, "schema_id.version", 16);
  }

  public static OmhSchemaId omh(String name, String version) {
    return new OmhSchemaId("omh", name, version);
  }

  @Override
  public String toString() {
    return namespace + ":" + name + ":" + version;
  }
}
