package io.kinhealth.compliance.rights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kinhealth.compliance.ConsentService;
import io.kinhealth.compliance.audit.AuditEntryTypes;
import io.kinhealth.compliance.audit.AuditRecord;
import io.kinhealth.compliance.internal.Keys;
import io.kinhealth.compliance.internal.Pages;
import io.kinhealth.compliance.memory.InMemoryHolidayCalendar;
import io.kinhealth.compliance.memory.InMemorySubjectRequestStore;
import io.kinhealth.compliance.spi.HolidayCalendar;
import io.kinhealth.compliance.spi.SubjectRequestStore;
import io.kinhealth.core.error.NotFoundException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.memory.UuidV7IdGenerator;
import io.kinhealth.core.spi.IdGenerator;
import io.kinhealth.core.spi.Page;
import io.kinhealth.core.spi.PageRequest;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeSet;

/**
 * Subject rights (PIPL arts. 44-47, 50): requests with a deadline of 15 working days, completion or a refusal that
 * always gives its reason, a list of what is due or overdue, and a portability export in JSON.
 *
 * <p>Built on a {@link ConsentService}: it shares its clock and audit log (every request, completion and refusal is
 * audited) and reads its consent ledger for exports. Thread-safe.
 */
public final class SubjectRightsService {
  /** App认定方法 (2019): respond within 15 working days. */
  public static final int DEFAULT_DEADLINE_WORKING_DAYS = 15;

  private final ConsentService consents;
  private final HolidayCalendar calendar;
  private final SubjectRequestStore store;
  private final TransactionRunner transactions;
  private final IdGenerator ids;
  private final int deadlineDays;

  private SubjectRightsService(Builder b) {
    this.consents = b.consents;
    this.calendar = b.calendar;
    this.store = b.store;
    this.transactions = b.transactions;
    this.ids = b.ids != null ? b.ids : new UuidV7IdGenerator(consents.clock(), new SecureRandom());
    this.deadlineDays = b.deadlineDays;
  }

  public static Builder builder(ConsentService consents) {
    return new Builder(Check.notNull(consents, "consents"));
  }

  /** Records a request received now, due at the end of the 15th working day after today (Asia/Shanghai). */
  public SubjectRequest submit(SubmitSubjectRequest command) {
    Check.notNull(command, "command");
    Instant now = consents.clock().instant();
    LocalDate today = LocalDate.ofInstant(now, consents.policy().zone());
    SubjectRequest request = SubjectRequest.received(SubjectRequestId.of(ids.newId()), command.subjectId(),
        command.type(), now, WorkingDays.after(today, deadlineDays, calendar));
    return transactions.inTransaction(() -> {
      SubjectRequest s = store.insert(request, command.idempotencyKey());
      if (s.id().equals(request.id())) {
        audit(AuditEntryTypes.SUBJECT_REQUEST_RECEIVED, s, a -> a.withAttribute("dueDate", s.dueDate().toString()),
            command.idempotencyKey());
      }
      return s;
    });
  }

  /** Marks a request done. */
  public SubjectRequest complete(SubjectRequestId id, IdempotencyKey key) {
    return close(id, key, r -> r.completed(consents.clock().instant()));
  }

  /** Refuses a request, with the reason the subject is told (art. 50). */
  public SubjectRequest refuse(SubjectRequestId id, RefusalReason reason, IdempotencyKey key) {
    Check.notNull(reason, "reason");
    return close(id, key, r -> r.refused(reason, consents.clock().instant()));
  }

  public java.util.Optional<SubjectRequest> find(SubjectRequestId id) {
    return store.find(Check.notNull(id, "subjectRequestId"));
  }

  /** Open requests whose deadline has passed (due before today), earliest first. */
  public Page<SubjectRequest> overdue(PageRequest page) {
    LocalDate today = LocalDate.ofInstant(consents.clock().instant(), consents.policy().zone());
    return store.openDueBy(today.minusDays(1), page);
  }

  /** Open requests due on or before {@code date}. */
  public Page<SubjectRequest> dueBy(LocalDate date, PageRequest page) {
    return store.openDueBy(Check.notNull(date, "date"), page);
  }

  /**
   * A machine-readable export for an access, copy or portability request (art. 45): the subject's consent records,
   * the audit entries about them (ids and codes), and the host's own data for the subject, as JSON.
   *
   * @param hostData what the host holds about the subject, keyed by section name; serialised with Jackson
   */
  public String portabilityExport(PersonId subjectId, Map<String, ?> hostData) {
    Check.notNull(subjectId, "subjectId");
    Check.notNull(hostData, "hostData");
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("format", "kinhealth.subject-export.v1");
    root.put("subjectId", subjectId.value());
    root.put("generatedAt", consents.clock().instant().toString());
    ArrayNode consentArray = root.putArray("consents");
    Pages.forEach(500, page -> consents.consentsOf(subjectId, page), c -> {
      ObjectNode n = consentArray.addObject();
      n.put("id", c.id().value());
      n.put("status", c.status().name());
      n.put("choice", c.grant().choice().name());
      n.put("type", c.grant().type().name());
      n.put("purposes", sorted(c.grant().purposes()));
      n.put("categories", sorted(c.grant().categories()));
      n.put("actions", sorted(c.grant().actions()));
      n.put("recipients", sorted(c.grant().recipients()));
      n.put("notice", c.grant().notice().id().value() + " v" + c.grant().notice().version());
      n.put("channel", c.grant().channel().name());
      n.put("grantedAt", c.grant().grantedAt().toString());
      if (c.grant().expiresAt() != null) {
        n.put("expiresAt", c.grant().expiresAt().toString());
      }
      if (c.withdrawal() != null) {
        n.put("withdrawnAt", c.withdrawal().at().toString());
      }
    });
    ArrayNode auditArray = root.putArray("processingRecords");
    Pages.forEach(500, page -> consents.auditLog().entriesOf(subjectId, page), e -> {
      ObjectNode n = auditArray.addObject();
      n.put("sequence", e.sequence());
      n.put("at", e.recordedAt().toString());
      n.put("type", e.record().type());
      if (e.record().actor() != null) {
        n.put("actor", e.record().actor());
      }
      n.set("attributes", mapper.valueToTree(e.record().attributes()));
    });
    root.set("data", mapper.valueToTree(hostData));
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the export", e);
    }
  }

  private SubjectRequest close(SubjectRequestId id, IdempotencyKey key,
      java.util.function.UnaryOperator<SubjectRequest> change) {
    Check.notNull(id, "subjectRequestId");
    Check.notNull(key, "idempotencyKey");
    SubjectRequest current = store.find(id).orElseThrow(
        () -> new NotFoundException("rights.not_found", "subjectRequestId", "no subject request with this id"));
    SubjectRequest next = change.apply(current);
    return transactions.inTransaction(() -> {
      SubjectRequest s = store.update(next, key);
      if (s.equals(next)) {
        boolean refused = s.status() == SubjectRequestStatus.REFUSED;
        audit(refused ? AuditEntryTypes.SUBJECT_REQUEST_REFUSED : AuditEntryTypes.SUBJECT_REQUEST_COMPLETED, s,
            a -> refused ? a.withAttribute("refusal", s.refusal().code())
                .withAttribute("citation", s.refusal().citation()) : a, key);
      }
      return s;
    });
  }

  private void audit(String type, SubjectRequest r, java.util.function.UnaryOperator<AuditRecord> extra,
      IdempotencyKey key) {
    AuditRecord a = AuditRecord.of(type, r.subjectId()).withAttribute("requestId", r.id().value())
        .withAttribute("requestType", r.type().name()).withAttribute("citation", r.type().citation());
    consents.auditLog().append(extra.apply(a), Keys.derive(key, "audit"));
  }

  private static String sorted(java.util.Set<?> values) {
    TreeSet<String> s = new TreeSet<>();
    values.forEach(v -> s.add(String.valueOf(v)));
    return String.join(",", s);
  }

  /** Builds a {@link SubjectRightsService}; defaults: weekends-only calendar, in-memory store and transactions. */
  public static final class Builder {
    private final ConsentService consents;
    private HolidayCalendar calendar = InMemoryHolidayCalendar.weekendsOnly();
    private SubjectRequestStore store;
    private TransactionRunner transactions;
    private IdGenerator ids;
    private int deadlineDays = DEFAULT_DEADLINE_WORKING_DAYS;

    private Builder(ConsentService consents) {
      this.consents = consents;
    }

    public Builder calendar(HolidayCalendar value) {
      this.calendar = Check.notNull(value, "calendar");
      return this;
    }

    public Builder requestStore(SubjectRequestStore value) {
      this.store = Check.notNull(value, "requestStore");
      return this;
    }

    /** The runner the consent service's stores also take part in. */
    public Builder transactionRunner(TransactionRunner value) {
      this.transactions = Check.notNull(value, "transactionRunner");
      return this;
    }

    public Builder idGenerator(IdGenerator value) {
      this.ids = Check.notNull(value, "idGenerator");
      return this;
    }

    /** Working days to answer in (default 15). */
    public Builder deadlineWorkingDays(int days) {
      this.deadlineDays = (int) Check.inRange(days, 1, 60, "deadlineWorkingDays");
      return this;
    }

    public SubjectRightsService build() {
      if (store == null) {
        store = new InMemorySubjectRequestStore();
      }
      if (transactions == null) {
        transactions = new InMemoryTransactionRunner();
      }
      return new SubjectRightsService(this);
    }
  }
}
