package io.kinhealth.family;

import io.kinhealth.core.error.ForbiddenException;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.validation.Check;
import io.kinhealth.family.dedup.DeduplicatedReading;
import io.kinhealth.family.document.DocumentType;
import io.kinhealth.family.document.HealthDocument;
import io.kinhealth.family.fhir.FhirBundleWriter;
import io.kinhealth.family.fhir.FhirExportOptions;
import io.kinhealth.family.fhir.FhirExportSummary;
import io.kinhealth.family.fhir.FhirObservationReader;
import io.kinhealth.family.graph.Family;
import io.kinhealth.family.graph.FamilyId;
import io.kinhealth.family.graph.KinshipRole;
import io.kinhealth.family.graph.MemberProfile;
import io.kinhealth.family.graph.ViewerStanding;
import io.kinhealth.family.ingest.ImportIssue;
import io.kinhealth.family.ingest.ImportReport;
import io.kinhealth.family.ingest.ParsedImport;
import io.kinhealth.family.observation.Observation;
import io.kinhealth.family.observation.ObservationType;
import io.kinhealth.family.observation.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * FHIR R4 exchange: a member's records (or every record a viewer may see of a family) as a {@code Bundle} a hospital
 * system accepts, and Observations from hospital systems and apps (single resources, Bundles, NDJSON bulk exports)
 * into the member's readings.
 *
 * <p>Exports go through {@link FamilyViewing}: one consent decision per member for every category the export could
 * hold (audited), and only permitted categories are written — observations by their type's category, documents by
 * theirs, the birth date only with {@code identity.birth_date}; a member the viewer may see nothing of is left out
 * of a family export altogether. Observations are written de-duplicated (the kept reading of each duplicate group),
 * individual readings only. Imports are written by the member or her guardian, through the same path as other
 * imports ({@link ObservationService#importReadings}: normalised, idempotent per reading, one transaction). JSON is
 * written with Jackson's streaming generator; the SDK does not depend on HAPI FHIR. Thread-safe; built by
 * {@link FamilyRecords}.
 */
public final class FhirService {
  /** Consent categories documents fall under (the export asks about each). */
  public static final Set<String> DOCUMENT_CATEGORIES;
  /** The category that lets a viewer see a member's birth date. */
  public static final String BIRTH_DATE_CATEGORY = "identity.birth_date";
  /** Most documents exported per member. */
  public static final int MAX_DOCUMENTS = 1_000;

  static {
    Set<String> c = new LinkedHashSet<>();
    for (DocumentType t : DocumentType.values()) {
      c.add(t.defaultCategory());
    }
    c.add("health.diagnosis");
    DOCUMENT_CATEGORIES = Set.copyOf(c);
  }

  private final FamilyService families;
  private final FamilyViewing viewing;
  private final ObservationService observations;
  private final DocumentService documents;
  private final Clock clock;
  private final FhirObservationReader reader;

  FhirService(FamilyService families, FamilyViewing viewing, ObservationService observations,
      DocumentService documents, Clock clock) {
    this.families = families;
    this.viewing = viewing;
    this.observations = observations;
    this.documents = documents;
    this.clock = clock;
    this.reader = new FhirObservationReader(observations.types());
  }

  /** The member's records in {@code [from, to)} that {@code viewer} may see, as a Bundle written to {@code out}. */
  public FhirExportSummary exportMember(PersonId viewer, PersonId subject, Instant from, Instant to,
      OutputStream out) {
    Check.notNull(viewer, "viewer");
    Check.notNull(subject, "subject");
    Check.notNull(out, "out");
    ViewingDecision d = viewing.decide(viewer, subject, askedCategories());
    if (!seesRecords(d)) {
      throw new ForbiddenException("family.viewing.denied", "subject", "no consent to see this member's records");
    }
    Counts counts = new Counts();
    String bundleId = bundleId(viewer, subject.value(), from, to);
    try (FhirBundleWriter w = FhirBundleWriter.open(out, new FhirExportOptions(bundleId, clock.instant(), false))) {
      List<Family> scope = families.familiesOf(subject).stream()
          .filter(f -> d.standing() == ViewerStanding.SELF || f.isActiveMember(viewer)).toList();
      member(w, d, scope, from, to, counts);
    }
    return counts.summary(bundleId);
  }

  /** {@link #exportMember} as a JSON string. */
  public String exportMemberJson(PersonId viewer, PersonId subject, Instant from, Instant to) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    exportMember(viewer, subject, from, to, bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Every record in {@code [from, to)} that {@code viewer} (an active member) may see of the family's members, as one
   * Bundle: per visible member a Patient, RelatedPersons for their links in this family, observations and documents.
   */
  public FhirExportSummary exportFamily(PersonId viewer, FamilyId family, Instant from, Instant to,
      OutputStream out) {
    Check.notNull(viewer, "viewer");
    Check.notNull(out, "out");
    Family f = families.family(family);
    if (!f.isActiveMember(viewer)) {
      throw new ForbiddenException("family.not_member", "viewer", "only members export a family's records");
    }
    List<PersonId> members = new ArrayList<>(f.activeMembers());
    members.remove(viewer);
    members.add(0, viewer);
    Counts counts = new Counts();
    String bundleId = bundleId(viewer, family.value(), from, to);
    try (FhirBundleWriter w = FhirBundleWriter.open(out, new FhirExportOptions(bundleId, clock.instant(), false))) {
      for (PersonId member : members) {
        ViewingDecision d = viewing.decide(viewer, member, askedCategories());
        if (!seesRecords(d)) {
          counts.hidden++;
          continue;
        }
        member(w, d, List.of(f), from, to, counts);
      }
    }
    return counts.summary(bundleId);
  }

  private void member(FhirBundleWriter w, ViewingDecision d, List<Family> scope, Instant from, Instant to,
      Counts counts) {
    PersonId subject = d.subject();
    MemberProfile profile = families.profile(subject);
    w.patient(subject, d.permits(BIRTH_DATE_CATEGORY) ? profile.birthDate() : null);
    counts.patients++;
    Set<PersonId> linked = new HashSet<>();
    for (Family f : scope) {
      for (PersonId relative : f.activeMembers()) {
        if (relative.equals(subject) || linked.contains(relative)) {
          continue;
        }
        java.util.Optional<KinshipRole> role = f.relationship(subject, relative);
        if (role.isPresent()) {
          w.relatedPerson(subject, relative, role.get());
          linked.add(relative);
          counts.relatedPersons++;
        }
      }
    }
    for (ObservationType t : observations.types().all()) {
      if (!d.permits(t.dataCategory())) {
        continue;
      }
      for (DeduplicatedReading r : observations.readingsUnchecked(subject, t, from, to)) {
        Observation o = r.kept();
        if (o.isIndividual()) {
          w.observation(o);
          counts.observations++;
        } else {
          counts.summaries++;
        }
      }
    }
    Set<String> docCategories = new HashSet<>(DOCUMENT_CATEGORIES);
    docCategories.retainAll(d.permitted());
    if (!docCategories.isEmpty()) {
      ZoneId zone = profile.zone();
      LocalDate first = from.atZone(zone).toLocalDate();
      LocalDate last = to.atZone(zone).toLocalDate();
      for (HealthDocument doc : documents.documentsUnchecked(subject, docCategories, MAX_DOCUMENTS)) {
        if (!doc.documentDate().isBefore(first) && !doc.documentDate().isAfter(last)) {
          w.documentReference(doc);
          counts.documents++;
        }
      }
    }
  }

  private Set<String> askedCategories() {
    Set<String> c = new HashSet<>(DOCUMENT_CATEGORIES);
    observations.types().all().forEach(t -> c.add(t.dataCategory()));
    c.add(BIRTH_DATE_CATEGORY);
    return c;
  }

  private static boolean seesRecords(ViewingDecision d) {
    return d.permitted().stream().anyMatch(c -> !c.equals(BIRTH_DATE_CATEGORY));
  }

  private String bundleId(PersonId viewer, String scope, Instant from, Instant to) {
    return UUID.nameUUIDFromBytes(("bundle:" + viewer.value() + "/" + scope + "/" + from + "/" + to + "/"
        + clock.instant()).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Mutable counters of one export. */
  private static final class Counts {
    int patients;
    int relatedPersons;
    int observations;
    int documents;
    int hidden;
    int summaries;

    FhirExportSummary summary(String bundleId) {
      return new FhirExportSummary(bundleId, patients, relatedPersons, observations, documents, hidden, summaries);
    }
  }

  /**
   * Imports the Observations of a single FHIR resource or a Bundle for {@code subject}; other resource types are
   * counted as ignored, unreadable Observations are rejected with their reason. Readings with no KinHealth source
   * of their own are attributed to {@code source} (e.g. {@code Source.imported("his-city-hospital", "City Hospital")}).
   */
  public ImportReport importJson(PersonId actor, PersonId subject, Reader json, Source source) {
    try {
      return store(actor, subject, reader.read(json, subject, source));
    } catch (IOException e) {
      throw new UncheckedIOException("the FHIR document could not be read", e);
    }
  }

  /** Imports an NDJSON bulk-export file (one resource per line), like {@link #importJson}. */
  public ImportReport importNdjson(PersonId actor, PersonId subject, Reader ndjson, Source source) {
    try {
      return store(actor, subject, reader.readNdjson(ndjson, subject, source));
    } catch (IOException e) {
      throw new UncheckedIOException("the NDJSON file could not be read", e);
    }
  }

  private ImportReport store(PersonId actor, PersonId subject, ParsedImport parsed) {
    ImportReport stored = observations.importReadings(actor, subject, parsed.readings());
    Map<String, Integer> ignored = new HashMap<>(parsed.ignored());
    stored.ignored().forEach((k, v) -> ignored.merge(k, v, Integer::sum));
    List<ImportIssue> rejected = new ArrayList<>(parsed.rejected());
    rejected.addAll(stored.rejected());
    List<ImportIssue> warnings = new ArrayList<>(parsed.warnings());
    warnings.addAll(stored.warnings());
    return new ImportReport(parsed.recordsRead(), stored.imported(), stored.alreadyPresent(), ignored, rejected,
        warnings);
  }
}
