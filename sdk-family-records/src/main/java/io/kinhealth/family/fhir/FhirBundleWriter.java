package io.kinhealth.family.fhir;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.document.HealthDocument;
import io.kinhealth.family.graph.KinshipRole;
import io.kinhealth.family.observation.Coding;
import io.kinhealth.family.observation.ComponentValue;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationContext;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.observation.SourceKind;
import io.kinhealth.family.observation.MealRelation;
import io.kinhealth.family.observation.Specimen;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a FHIR R4 {@code Bundle} (type {@code collection}) as JSON, one entry at a time, straight to a stream with
 * Jackson's streaming generator: no resource tree is built, so memory stays flat however many observations are
 * written.
 *
 * <p>What it writes (each validated by the HAPI FHIR R4 instance validator in this module's tests):
 * <ul>
 *   <li>{@code Patient}: identifier (the SDK person id) and, when given, birth date;
 *   <li>{@code RelatedPerson}: a relative of the patient with the HL7 v3 RoleCode relationship;
 *   <li>{@code Observation}: status {@code final}; the type's FHIR category; the LOINC code for the reading's context
 *       (fasting glucose 14771-0, fetal heart rate 55283-6) plus any additional codes and the KinHealth meal-relation
 *       code; {@code valueQuantity} (or systolic/diastolic components) in UCUM with its comparator; the time with the
 *       offset the reading carried ({@code effectiveDateTime}, or {@code effectivePeriod} for counts over time); the
 *       measurement site as {@code bodySite}; the source as {@code meta.source}; the member as {@code performer}
 *       of a home reading (any source but an import); and, for vital signs, the R4
 *       {@code vitalsigns} profile plus the specific one (bp, heartrate, oxygensat, bodytemp, bodyweight, bodyheight,
 *       bmi) in {@code meta.profile};
 *   <li>{@code DocumentReference}: status {@code current}, the document kind (LOINC where established, and the SDK
 *       code), the attachment's media type, size, SHA-1 (base64, as R4 defines {@code Attachment.hash}), title,
 *       creation date and external URL.
 * </ul>
 * Summaries ({@link Observation#statistic()} set) are not observations of the member and are skipped by the callers
 * in this module. Not thread-safe (one writer per bundle); {@link #close()} ends the bundle.
 */
public final class FhirBundleWriter implements Closeable {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private static final SerializableString FULL_URL = new SerializedString("fullUrl");
  private static final SerializableString RESOURCE = new SerializedString("resource");
  private static final SerializableString RESOURCE_TYPE = new SerializedString("resourceType");
  private static final SerializableString ID = new SerializedString("id");
  private static final SerializableString META = new SerializedString("meta");
  private static final SerializableString PROFILE = new SerializedString("profile");
  private static final SerializableString SOURCE = new SerializedString("source");
  private static final SerializableString IDENTIFIER = new SerializedString("identifier");
  private static final SerializableString SYSTEM = new SerializedString("system");
  private static final SerializableString VALUE = new SerializedString("value");
  private static final SerializableString CODE = new SerializedString("code");
  private static final SerializableString DISPLAY = new SerializedString("display");
  private static final SerializableString CODING = new SerializedString("coding");
  private static final SerializableString STATUS = new SerializedString("status");
  private static final SerializableString CATEGORY = new SerializedString("category");
  private static final SerializableString SUBJECT = new SerializedString("subject");
  private static final SerializableString PERFORMER = new SerializedString("performer");
  private static final SerializableString REFERENCE = new SerializedString("reference");
  private static final SerializableString EFFECTIVE_DATE_TIME = new SerializedString("effectiveDateTime");
  private static final SerializableString EFFECTIVE_PERIOD = new SerializedString("effectivePeriod");
  private static final SerializableString START = new SerializedString("start");
  private static final SerializableString END = new SerializedString("end");
  private static final SerializableString VALUE_QUANTITY = new SerializedString("valueQuantity");
  private static final SerializableString COMPARATOR = new SerializedString("comparator");
  private static final SerializableString UNIT = new SerializedString("unit");
  private static final SerializableString COMPONENT = new SerializedString("component");
  private static final SerializableString BODY_SITE = new SerializedString("bodySite");
  private static final SerializableString FINAL = new SerializedString("final");
  private static final SerializableString UCUM = new SerializedString(FhirCodes.UCUM);
  private static final SerializableString CATEGORY_SYSTEM = new SerializedString(FhirCodes.OBSERVATION_CATEGORY);
  private static final SerializableString OBSERVATION = new SerializedString("Observation");
  private static final SerializableString OBSERVATION_ID_SYSTEM = new SerializedString(FhirCodes.ID_SYSTEM_BASE
      + "observation");

  /** A coding with its strings escaped once. */
  private record SerialCoding(SerializableString system, SerializableString code, SerializableString display) {
    static SerialCoding of(Coding c) {
      return new SerialCoding(new SerializedString(c.system()), new SerializedString(c.code()),
          new SerializedString(c.display()));
    }
  }

  /** The parts of an observation fixed by its type and context, serialised once. */
  private record Shape(SerializableString category, SerializableString categoryDisplay,
      List<SerializableString> profiles, List<SerialCoding> codes, SerializableString unitCode,
      SerializableString unitDisplay, List<SerialCoding> componentCodes) {}

  /** Shapes per type, indexed by (meal, specimen) ordinals + 1 (0: none). */
  private static final Map<ObservationType, Shape[]> SHAPES = new ConcurrentHashMap<>();
  private static final int SPECIMENS = Specimen.values().length + 1;
  private static final String[] SOURCE_PREFIXES;

  static {
    SourceKind[] kinds = SourceKind.values();
    SOURCE_PREFIXES = new String[kinds.length];
    for (SourceKind k : kinds) {
      SOURCE_PREFIXES[k.ordinal()] = FhirCodes.SOURCE_PREFIX + k.name() + ":";
    }
  }

  private final JsonGenerator json;
  private final char[] time = new char[40];
  private final char[] text = new char[256];
  private PersonId lastSubject;
  private String lastSubjectUrl;
  private int entries;
  private boolean closed;

  private FhirBundleWriter(JsonGenerator json, FhirExportOptions options) {
    this.json = json;
    if (options.pretty()) {
      json.useDefaultPrettyPrinter();
    }
    try {
      json.writeStartObject();
      json.writeStringField("resourceType", "Bundle");
      json.writeStringField("id", options.bundleId());
      json.writeObjectFieldStart("meta");
      json.writeStringField("lastUpdated", instant(options.timestamp()));
      json.writeEndObject();
      json.writeStringField("type", "collection");
      json.writeStringField("timestamp", instant(options.timestamp()));
      json.writeArrayFieldStart("entry");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A writer of UTF-8 JSON to {@code out} (not closed by {@link #close()}). */
  public static FhirBundleWriter open(OutputStream out, FhirExportOptions options) {
    Check.notNull(out, "out");
    Check.notNull(options, "options");
    try {
      JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      return new FhirBundleWriter(g, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A writer of JSON text to {@code out} (not closed by {@link #close()}). */
  public static FhirBundleWriter open(Writer out, FhirExportOptions options) {
    Check.notNull(out, "out");
    Check.notNull(options, "options");
    try {
      JsonGenerator g = FACTORY.createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      return new FhirBundleWriter(g, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many entries were written. */
  public int entries() {
    return entries;
  }

  /** The bundle URL of a member's Patient resource (what this writer's observations refer to). */
  public static String patientUrl(PersonId person) {
    return FhirIds.url("Patient", person.value());
  }

  public void patient(PersonId person, LocalDate birthDate) {
    Check.notNull(person, "person");
    try {
      startEntry(patientUrl(person), "Patient", FhirIds.id("Patient", person.value()));
      identifier(FhirCodes.ID_SYSTEM_BASE + "person", person.value());
      json.writeBooleanField("active", true);
      if (birthDate != null) {
        json.writeStringField("birthDate", birthDate.toString());
      }
      endEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code relative} is {@code patient}'s {@code role} (e.g. HUSB: her husband). */
  public void relatedPerson(PersonId patient, PersonId relative, KinshipRole role) {
    Check.notNull(patient, "patient");
    Check.notNull(relative, "relative");
    Check.notNull(role, "role");
    String key = patient.value() + "/" + relative.value();
    try {
      startEntry(FhirIds.url("RelatedPerson", key), "RelatedPerson", FhirIds.id("RelatedPerson",
          "rp-" + key.replace('/', '.')));
      identifier(FhirCodes.ID_SYSTEM_BASE + "person", relative.value());
      json.writeBooleanField("active", true);
      json.writeObjectFieldStart("patient");
      json.writeStringField("reference", subjectUrl(patient));
      json.writeEndObject();
      json.writeArrayFieldStart("relationship");
      json.writeStartObject();
      json.writeArrayFieldStart("coding");
      coding(FhirCodes.ROLE_CODE, role.code(), role.display());
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      endEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one individual reading as an Observation. */
  public void observation(Observation o) {
    Check.notNull(o, "observation");
    Check.that(o.isIndividual(), "observation", "fhir.observation.summary",
        "a summary is not exported as an observation");
    Shape shape = shape(o.type(), o.context());
    try {
      json.writeStartObject();
      json.writeFieldName(FULL_URL);
      writeConcat(FhirIds.URN_UUID, FhirIds.uuidPart("Observation", o.id().value()));
      json.writeFieldName(RESOURCE);
      json.writeStartObject();
      json.writeFieldName(RESOURCE_TYPE);
      json.writeString(OBSERVATION);
      json.writeFieldName(ID);
      json.writeString(FhirIds.id("Observation", o.id().value()));
      json.writeFieldName(META);
      json.writeStartObject();
      if (!shape.profiles().isEmpty()) {
        json.writeFieldName(PROFILE);
        json.writeStartArray();
        for (SerializableString p : shape.profiles()) {
          json.writeString(p);
        }
        json.writeEndArray();
      }
      json.writeFieldName(SOURCE);
      writeConcat(SOURCE_PREFIXES[o.source().kind().ordinal()], o.source().id());
      json.writeEndObject();
      json.writeFieldName(IDENTIFIER);
      json.writeStartArray();
      json.writeStartObject();
      json.writeFieldName(SYSTEM);
      json.writeString(OBSERVATION_ID_SYSTEM);
      json.writeFieldName(VALUE);
      json.writeString(o.id().value());
      json.writeEndObject();
      json.writeEndArray();
      json.writeFieldName(STATUS);
      json.writeString(FINAL);
      json.writeFieldName(CATEGORY);
      json.writeStartArray();
      json.writeStartObject();
      json.writeFieldName(CODING);
      json.writeStartArray();
      json.writeStartObject();
      json.writeFieldName(SYSTEM);
      json.writeString(CATEGORY_SYSTEM);
      json.writeFieldName(CODE);
      json.writeString(shape.category());
      json.writeFieldName(DISPLAY);
      json.writeString(shape.categoryDisplay());
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeFieldName(CODE);
      json.writeStartObject();
      json.writeFieldName(CODING);
      json.writeStartArray();
      for (SerialCoding c : shape.codes()) {
        coding(c);
      }
      json.writeEndArray();
      json.writeEndObject();
      String patient = subjectUrl(o.subject());
      json.writeFieldName(SUBJECT);
      json.writeStartObject();
      json.writeFieldName(REFERENCE);
      json.writeString(patient);
      json.writeEndObject();
      if (o.source().kind() != SourceKind.IMPORT) {
        // a home reading: the member (or her household) measured it herself
        json.writeFieldName(PERFORMER);
        json.writeStartArray();
        json.writeStartObject();
        json.writeFieldName(REFERENCE);
        json.writeString(patient);
        json.writeEndObject();
        json.writeEndArray();
      }
      if (o.effectiveEnd() == null) {
        json.writeFieldName(EFFECTIVE_DATE_TIME);
        writeTime(o.effectiveAt(), o.offset());
      } else {
        json.writeFieldName(EFFECTIVE_PERIOD);
        json.writeStartObject();
        json.writeFieldName(START);
        writeTime(o.effectiveAt(), o.offset());
        json.writeFieldName(END);
        writeTime(o.effectiveEnd(), o.offset());
        json.writeEndObject();
      }
      if (shape.componentCodes() == null) {
        json.writeFieldName(VALUE_QUANTITY);
        quantity(o.values().get(0), shape);
      }
      if (o.context().site() != null) {
        json.writeFieldName(BODY_SITE);
        json.writeStartObject();
        json.writeFieldName(CODING);
        json.writeStartArray();
        String site = FhirCodes.code(o.context().site());
        coding(FhirCodes.SITE_SYSTEM, site, FhirCodes.display(site));
        json.writeEndArray();
        json.writeEndObject();
      }
      if (shape.componentCodes() != null) {
        json.writeFieldName(COMPONENT);
        json.writeStartArray();
        for (int i = 0; i < shape.componentCodes().size(); i++) {
          SerialCoding c = shape.componentCodes().get(i);
          json.writeStartObject();
          json.writeFieldName(CODE);
          json.writeStartObject();
          json.writeFieldName(CODING);
          json.writeStartArray();
          coding(c);
          json.writeEndArray();
          json.writeEndObject();
          json.writeFieldName(VALUE_QUANTITY);
          quantity(o.values().get(i), shape);
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeEndObject();
      entries++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void quantity(ComponentValue v, Shape shape) throws IOException {
    json.writeStartObject();
    json.writeFieldName(VALUE);
    double value = v.value();
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      json.writeNumber((long) value);
    } else {
      json.writeNumber(value);
    }
    if (v.comparator() != null) {
      json.writeFieldName(COMPARATOR);
      json.writeString(v.comparator().symbol());
    }
    json.writeFieldName(UNIT);
    json.writeString(shape.unitDisplay());
    json.writeFieldName(SYSTEM);
    json.writeString(UCUM);
    json.writeFieldName(CODE);
    json.writeString(shape.unitCode());
    json.writeEndObject();
  }

  private static Shape shape(ObservationType type, ObservationContext context) {
    int index = (context.meal() == null ? 0 : context.meal().ordinal() + 1) * SPECIMENS
        + (context.specimen() == null ? 0 : context.specimen().ordinal() + 1);
    Shape[] shapes = SHAPES.computeIfAbsent(type, t -> new Shape[(MealRelation.values().length + 1) * SPECIMENS]);
    Shape s = shapes[index];
    if (s == null) {
      s = buildShape(type, context);
      shapes[index] = s; // a benign race: every thread builds the same shape
    }
    return s;
  }

  private static Shape buildShape(ObservationType type, ObservationContext context) {
    List<Coding> codes = new ArrayList<>();
    Coding main = type.codingFor(context);
    codes.add(main);
    for (Coding c : type.additionalCodings()) {
      if (!c.equals(main)) {
        codes.add(c);
      }
    }
    if (context.meal() != null) {
      String meal = FhirCodes.code(context.meal());
      codes.add(new Coding(FhirCodes.MEAL_SYSTEM, meal, FhirCodes.display(meal)));
    }
    List<SerializableString> profiles = new ArrayList<>();
    if ("vital-signs".equals(type.fhirCategory())) {
      profiles.add(new SerializedString(FhirCodes.VITAL_SIGNS_PROFILE));
      String specific = main.isLoinc() ? FhirCodes.SPECIFIC_PROFILES.get(main.code()) : null;
      if (specific != null) {
        profiles.add(new SerializedString(FhirCodes.PROFILE_BASE + specific));
      }
    }
    List<SerialCoding> components = null;
    if (type.hasComponents()) {
      components = type.components().stream().map(c -> SerialCoding.of(c.coding())).toList();
    }
    String unit = type.canonicalUnit();
    return new Shape(new SerializedString(type.fhirCategory()), new SerializedString(
        FhirCodes.CATEGORY_DISPLAY.getOrDefault(type.fhirCategory(), type.fhirCategory())), List.copyOf(profiles),
        codes.stream().map(SerialCoding::of).toList(), new SerializedString(unit), new SerializedString(
            FhirCodes.UNIT_DISPLAY.getOrDefault(unit, unit)), components);
  }

  /** Writes a document's reference (its bytes stay where they are; the URL is given when it is external). */
  public void documentReference(HealthDocument d) {
    Check.notNull(d, "document");
    try {
      startEntry(FhirIds.url("DocumentReference", d.id().value()), "DocumentReference",
          FhirIds.id("DocumentReference", d.id().value()));
      identifier(FhirCodes.ID_SYSTEM_BASE + "document", d.id().value());
      json.writeStringField("status", "current");
      json.writeObjectFieldStart("type");
      json.writeArrayFieldStart("coding");
      if (d.type().loinc().isPresent()) {
        Coding l = d.type().loinc().get();
        coding(l.system(), l.code(), l.display());
      }
      Coding own = d.type().coding();
      coding(own.system(), own.code(), own.display());
      json.writeEndArray();
      json.writeStringField("text", d.type().displayZh());
      json.writeEndObject();
      json.writeObjectFieldStart("subject");
      json.writeStringField("reference", subjectUrl(d.subject()));
      json.writeEndObject();
      json.writeStringField("date", instant(d.recordedAt()));
      json.writeArrayFieldStart("content");
      json.writeStartObject();
      json.writeObjectFieldStart("attachment");
      json.writeStringField("contentType", d.mediaType());
      if (d.externalUri() != null) {
        json.writeStringField("url", d.externalUri().toString());
      }
      json.writeNumberField("size", d.sizeBytes());
      if (d.sha1() != null) {
        json.writeStringField("hash", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(d.sha1())));
      }
      if (d.title() != null) {
        json.writeStringField("title", d.title());
      }
      json.writeStringField("creation", d.documentDate().toString());
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndArray();
      endEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startEntry(String fullUrl, String resourceType, String id) throws IOException {
    json.writeStartObject();
    json.writeStringField("fullUrl", fullUrl);
    json.writeObjectFieldStart("resource");
    json.writeStringField("resourceType", resourceType);
    json.writeStringField("id", id);
  }

  private void endEntry() throws IOException {
    json.writeEndObject();
    json.writeEndObject();
    entries++;
  }

  private void identifier(String system, String value) throws IOException {
    json.writeArrayFieldStart("identifier");
    json.writeStartObject();
    json.writeStringField("system", system);
    json.writeStringField("value", value);
    json.writeEndObject();
    json.writeEndArray();
  }

  private void coding(String system, String code, String display) throws IOException {
    json.writeStartObject();
    json.writeFieldName(SYSTEM);
    json.writeString(system);
    json.writeFieldName(CODE);
    json.writeString(code);
    if (display != null) {
      json.writeFieldName(DISPLAY);
      json.writeString(display);
    }
    json.writeEndObject();
  }

  /** The Patient URL of a subject, remembered for the run of observations of one member. */
  private String subjectUrl(PersonId subject) {
    if (!subject.equals(lastSubject)) {
      lastSubject = subject;
      lastSubjectUrl = FhirIds.url("Patient", subject.value());
    }
    return lastSubjectUrl;
  }

  /** Writes two strings as one JSON string without building it. */
  private void writeConcat(String a, String b) throws IOException {
    int n = a.length() + b.length();
    if (n > text.length) {
      json.writeString(a + b);
      return;
    }
    a.getChars(0, a.length(), text, 0);
    b.getChars(0, b.length(), text, a.length());
    json.writeString(text, 0, n);
  }

  private void coding(SerialCoding c) throws IOException {
    json.writeStartObject();
    json.writeFieldName(SYSTEM);
    json.writeString(c.system());
    json.writeFieldName(CODE);
    json.writeString(c.code());
    json.writeFieldName(DISPLAY);
    json.writeString(c.display());
    json.writeEndObject();
  }

  private void writeTime(Instant at, ZoneOffset offset) throws IOException {
    int n = FhirTime.format(at, offset, time);
    json.writeString(time, 0, n);
  }

  private String instant(Instant at) {
    int n = FhirTime.format(at, ZoneOffset.UTC, time);
    return new String(time, 0, n);
  }

  /** Ends the bundle and flushes; the underlying stream stays open. Closing twice is harmless. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      json.writeEndArray();
      json.writeEndObject();
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
