package io.kinhealth.family.observation;

/** Where a reading came from; the default source priorities rank these kinds. */
public enum SourceKind {
  /** Typed in by the member or a relative. */
  MANUAL,
  /** A named device (a meter, a cuff, a CGM) that reported directly. */
  DEVICE,
  /** A third-party app that synced readings. */
  APP,
  /** A file import (a device export, an Open mHealth or FHIR document). */
  IMPORT
}
