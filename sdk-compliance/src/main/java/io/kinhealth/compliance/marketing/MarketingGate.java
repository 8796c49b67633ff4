package io.kinhealth.compliance.marketing;

import io.kinhealth.compliance.ConsentDecision;
import io.kinhealth.compliance.ConsentService;
import io.kinhealth.compliance.DecisionReason;
import io.kinhealth.compliance.DecisionRequest;
import io.kinhealth.compliance.Requester;
import io.kinhealth.compliance.audit.AuditLog;
import io.kinhealth.compliance.audit.AuditRecord;
import io.kinhealth.compliance.content.AdFinding;
import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.compliance.content.ContentReview;
import io.kinhealth.compliance.content.ContentReviewer;
import io.kinhealth.compliance.marketing.memory.InMemoryMarketingSendLog;
import io.kinhealth.compliance.marketing.memory.InMemorySubscriptionStore;
import io.kinhealth.compliance.marketing.spi.MarketingSendLog;
import io.kinhealth.compliance.marketing.spi.SubscriptionStore;
import io.kinhealth.compliance.taxonomy.DataCategory;
import io.kinhealth.compliance.taxonomy.StandardActions;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.compliance.taxonomy.StandardPurposes;
import io.kinhealth.core.error.ConflictException;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.id.PersonId;
import io.kinhealth.core.memory.InMemoryTransactionRunner;
import io.kinhealth.core.spi.TransactionRunner;
import io.kinhealth.core.validation.Check;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The check every marketing message passes before it reaches a person. A message is ALLOWed only if
 *
 * <ol>
 *   <li>its copy breaks no medical-advertising rule ({@link ContentReviewer});
 *   <li>the consent service permits using the person's contact data (and any data the message was personalised with)
 *       for the {@code marketing} purpose: no consent, or a refusal (PIPL art. 24: personalised marketing must be easy
 *       to refuse; art. 44), blocks;
 *   <li>the person has not unsubscribed from this channel or from all marketing ({@link #unsubscribe}: one call,
 *       effective on the next check);
 *   <li>fewer than the channel's {@link FrequencyCap} messages were allowed to them on this channel within its window;
 *   <li>it is not quiet hours in the recipient's zone (default 21:00–08:00);
 *   <li>a marketing SMS carries an opt-out instruction such as 回T退订 (广告法 art. 43).
 * </ol>
 *
 * <p>Guarantees: every failing check is reported, not just the first; a BLOCK decided only by time says when a retry
 * could pass. The decision is idempotent per message id (the same message again returns the first decision; another
 * message under the same id is an {@code IdempotencyConflictException}); it is recorded in the send log and appended
 * to the compliance audit log of the {@link ConsentService} in one transaction, so an ALLOW that was not audited is
 * never returned. Two gates racing for a recipient's last slot cannot both allow (the send log is versioned).
 * Thread-safe; built once with {@link #builder(ConsentService)}.
 */
public final class MarketingGate {
  /** Type of the audit records the gate appends. */
  public static final String AUDIT_TYPE = "marketing.decision";
  /** Opt-out instructions recognised in an SMS, compared without case or spaces. */
  public static final List<String> DEFAULT_OPT_OUT_PHRASES = List.of("回T退订", "回TD退订", "退订回T", "退订回TD",
      "回复T退订", "回复TD退订", "拒收请回复R", "回N退订", "退订回N", "回复N退订", "回复退订", "回0退订", "退订回0");

  private static final int WRITE_ATTEMPTS = 5;
  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final Clock clock;
  private final ConsentService consents;
  private final ContentReviewer reviewer;
  private final MarketingSendLog sendLog;
  private final SubscriptionStore subscriptions;
  private final TransactionRunner transactions;
  private final AuditLog auditLog;
  private final Requester sender;
  private final Map<ContentChannel, FrequencyCap> caps;
  private final FrequencyCap defaultCap;
  private final Map<ContentChannel, Set<DataCategory>> contactCategories;
  private final QuietHours quietHours;
  private final List<String> optOutPhrases;

  private MarketingGate(Builder b) {
    this.clock = b.clock;
    this.consents = b.consents;
    this.reviewer = b.reviewer;
    this.sendLog = b.sendLog;
    this.subscriptions = b.subscriptions;
    this.transactions = b.transactions;
    this.auditLog = b.consents.auditLog();
    this.sender = b.sender;
    this.caps = Map.copyOf(b.caps);
    this.defaultCap = b.defaultCap;
    this.contactCategories = Map.copyOf(b.contactCategories);
    this.quietHours = b.quietHours;
    this.optOutPhrases = b.optOutPhrases.stream().map(MarketingGate::fold).toList();
  }

  /** A gate asking {@code consents} for marketing decisions and auditing into its audit log. */
  public static Builder builder(ConsentService consents) {
    return new Builder(consents);
  }

  /**
   * Decides whether {@code message} may be sent now, records the decision and audits it.
   *
   * @throws IdempotencyConflictException if the message id was already decided for a different message
   * @throws ConflictException if other gates kept winning the race for this recipient's send history
   */
  public GateDecision check(MarketingMessage message) {
    Check.notNull(message, "message");
    String digest = message.digest();
    Optional<GateDecision> earlier = replay(message, digest);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    Instant now = clock.instant();
    ContentReview review = reviewer.review(message.text(), message.channel());
    ConsentDecision consent = consents.decide(consentRequest(message));
    Optional<SubscriptionChange> subscription = subscriptions.latest(message.recipient().id(), message.channel());
    FrequencyCap cap = caps.getOrDefault(message.channel(), defaultCap);
    ConflictException lastConflict = null;
    for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      try {
        return transactions.inTransaction(() -> decideAndRecord(message, digest, now, review, consent, subscription,
            cap));
      } catch (ConflictException e) {
        if (!"marketing.send_log.version_conflict".equals(e.reason())) {
          throw e;
        }
        lastConflict = e; // another gate recorded for this recipient meanwhile: read the window again
        Optional<GateDecision> raced = replay(message, digest);
        if (raced.isPresent()) {
          return raced.get();
        }
      }
    }
    throw lastConflict;
  }

  private Optional<GateDecision> replay(MarketingMessage message, String digest) {
    Optional<GateDecision> earlier = sendLog.find(message.id());
    if (earlier.isPresent() && !earlier.get().messageDigest().equals(digest)) {
      throw new IdempotencyConflictException("marketing.message_id_reused", "messageId",
          "this message id was already checked for a different message");
    }
    return earlier;
  }

  private DecisionRequest consentRequest(MarketingMessage message) {
    Set<DataCategory> categories = new HashSet<>(contactCategories.getOrDefault(message.channel(),
        Set.of(StandardCategories.CONTACT)));
    categories.addAll(message.personalisedWith());
    return DecisionRequest.of(message.recipient(), sender, StandardPurposes.MARKETING, categories,
        StandardActions.USE);
  }

  private GateDecision decideAndRecord(MarketingMessage message, String digest, Instant now, ContentReview review,
      ConsentDecision consent, Optional<SubscriptionChange> subscription, FrequencyCap cap) {
    PersonId person = message.recipient().id();
    List<GateReason> reasons = new ArrayList<>();
    List<Instant> retryAt = new ArrayList<>();
    boolean onlyTime = true;

    boolean optOutMissing = message.channel() == ContentChannel.SMS && !hasOptOut(message.text());
    List<AdFinding> findings = review.findings();
    Set<String> rules = new java.util.LinkedHashSet<>(review.ruleIds());
    if (optOutMissing) {
      rules.remove("ad.electronic_ad_opt_out"); // reported once, as the gate's own SMS reason below
    }
    if (!rules.isEmpty()) {
      reasons.add(new GateReason(GateReasons.CONTENT, "广告法; 医疗广告管理办法 (rule book " + review.ruleBookVersion()
          + ")", "copy breaks " + String.join(", ", rules)));
      onlyTime = false;
    }
    if (consent.isDenied()) {
      DecisionReason primary = consent.primaryReason();
      reasons.add(new GateReason(GateReasons.CONSENT, primary.citation(), primary.code() + ": " + primary.message()));
      onlyTime = false;
    }
    if (subscription.isPresent() && subscription.get().unsubscribed()) {
      SubscriptionChange u = subscription.get();
      reasons.add(new GateReason(GateReasons.UNSUBSCRIBED, "PIPL art. 24, art. 44; 广告法 art. 43",
          "unsubscribed from " + (u.channel() == null ? "all marketing" : u.channel().id()) + " via " + u.source()));
      onlyTime = false;
    }
    if (optOutMissing) {
      reasons.add(new GateReason(GateReasons.SMS_OPT_OUT, "广告法 art. 43",
          "a marketing SMS must tell the recipient how to refuse further messages, e.g. 回T退订"));
      onlyTime = false;
    }
    ZonedDateTime local = now.atZone(message.recipientZone());
    if (quietHours.contains(local.toLocalTime())) {
      Instant end = quietHours.endAfter(now, message.recipientZone());
      reasons.add(new GateReason(GateReasons.QUIET_HOURS, "gate configuration (default 21:00–08:00)",
          HOURS.format(local) + " is within quiet hours " + HOURS.format(quietHours.start()) + "–"
              + HOURS.format(quietHours.end()) + " in " + message.recipientZone().getId()));
      retryAt.add(end);
    }
    SendWindow window = sendLog.window(person, message.channel(), now.minus(cap.window()));
    if (window.allowed() >= cap.maxMessages()) {
      reasons.add(new GateReason(GateReasons.FREQUENCY_CAP, "gate configuration",
          window.allowed() + " messages on " + message.channel().id() + " within " + cap.window()
              + " (cap " + cap.maxMessages() + ")"));
      retryAt.add(window.oldestAllowed().plus(cap.window()));
    }
    Instant earliest = null;
    if (onlyTime && !retryAt.isEmpty()) {
      earliest = retryAt.stream().max(Instant::compareTo).orElseThrow();
      // Quiet hours may begin again by the time the cap lifts.
      earliest = quietHours.endAfter(earliest, message.recipientZone());
    }
    GateDecision decision = new GateDecision(message.id(), person, message.channel(),
        reasons.isEmpty() ? GateOutcome.ALLOW : GateOutcome.BLOCK, reasons, findings, consent.outcome(),
        consent.reasons().stream().map(DecisionReason::code).toList(), review.ruleBookVersion(),
        consent.policyVersion(), now, earliest, digest);
    IdempotencyKey key = IdempotencyKey.of(message.id().value());
    GateDecision stored = sendLog.record(key, decision, window.version());
    auditLog.append(auditRecord(stored, consent), auditKey(message));
    return stored;
  }

  private AuditRecord auditRecord(GateDecision d, ConsentDecision consent) {
    AuditRecord r = AuditRecord.of(AUDIT_TYPE, d.recipient())
        .withActor(sender.token())
        .withAttribute("messageId", d.messageId().value())
        .withAttribute("channel", d.channel().id())
        .withAttribute("outcome", d.outcome().name())
        .withAttribute("reasons", d.reasons().stream().map(GateReason::code).collect(Collectors.joining(",")))
        .withAttribute("rules", d.findings().stream().map(AdFinding::ruleId).distinct().sorted()
            .collect(Collectors.joining(",")))
        .withAttribute("consentOutcome", d.consentOutcome().name())
        .withAttribute("consentReasons", String.join(",", d.consentReasons()))
        .withAttribute("consents", consent.basedOn().stream().map(c -> c.value()).sorted()
            .collect(Collectors.joining(",")))
        .withAttribute("ruleBookVersion", d.ruleBookVersion())
        .withPolicyVersion(d.consentPolicyVersion())
        .withInputDigest(d.messageDigest());
    return r;
  }

  /** The audit key of a message: derived from its id, so a replayed check never appends twice. */
  private static IdempotencyKey auditKey(MarketingMessage message) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest(("marketing.decision:" + message.id().value()).getBytes(StandardCharsets.UTF_8));
      return IdempotencyKey.of("marketing-" + HexFormat.of().formatHex(h, 0, 20));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean hasOptOut(String text) {
    String folded = fold(text);
    return optOutPhrases.stream().anyMatch(folded::contains);
  }

  private static String fold(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xFF01 && c <= 0xFF5E) {
        c = (char) (c - 0xFEE0);
      }
      if (!Character.isWhitespace(c) && c != '\u3000') {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }

  /**
   * Unsubscribes {@code person} from marketing on {@code channel}, or on every channel when it is null. One call; the
   * next check already blocks. Idempotent per key.
   *
   * @param source how the request came in, e.g. {@code sms_reply_T}
   */
  public SubscriptionChange unsubscribe(IdempotencyKey key, PersonId person, ContentChannel channel, String source) {
    return change(key, person, channel, true, source);
  }

  /** Subscribes {@code person} again (after an earlier unsubscribe), on one channel or all of them. */
  public SubscriptionChange resubscribe(IdempotencyKey key, PersonId person, ContentChannel channel, String source) {
    return change(key, person, channel, false, source);
  }

  private SubscriptionChange change(IdempotencyKey key, PersonId person, ContentChannel channel, boolean off,
      String source) {
    Check.notNull(key, "idempotencyKey");
    SubscriptionChange change = new SubscriptionChange(person, channel, off, clock.instant(), source);
    return transactions.inTransaction(() -> {
      SubscriptionChange recorded = subscriptions.record(key, change);
      auditLog.append(AuditRecord.of(off ? "marketing.unsubscribed" : "marketing.resubscribed", person)
          .withAttribute("channel", channel == null ? "all" : channel.id())
          .withAttribute("source", recorded.source()), key);
      return recorded;
    });
  }

  /** The decision recorded for a message, if it was checked. */
  public Optional<GateDecision> decisionFor(MarketingMessageId id) {
    return sendLog.find(Check.notNull(id, "messageId"));
  }

  /** Builds a {@link MarketingGate}; every setting has a default. */
  public static final class Builder {
    private final ConsentService consents;
    private Clock clock = Clock.systemUTC();
    private ContentReviewer reviewer;
    private MarketingSendLog sendLog;
    private SubscriptionStore subscriptions;
    private TransactionRunner transactions;
    private Requester sender = Requester.platform();
    private final Map<ContentChannel, FrequencyCap> caps = new EnumMap<>(ContentChannel.class);
    private FrequencyCap defaultCap = FrequencyCap.DEFAULT;
    private final Map<ContentChannel, Set<DataCategory>> contactCategories = new EnumMap<>(ContentChannel.class);
    private QuietHours quietHours = QuietHours.DEFAULT;
    private List<String> optOutPhrases = DEFAULT_OPT_OUT_PHRASES;

    private Builder(ConsentService consents) {
      this.consents = Check.notNull(consents, "consentService");
      contactCategories.put(ContentChannel.SMS, Set.of(StandardCategories.MOBILE));
      contactCategories.put(ContentChannel.APP_PUSH, Set.of(StandardCategories.DEVICE));
      for (ContentChannel c : List.of(ContentChannel.WECHAT_OFFICIAL_ACCOUNT, ContentChannel.WECHAT_MOMENTS,
          ContentChannel.WECHAT_GROUP, ContentChannel.XIAOHONGSHU, ContentChannel.MEITUAN_REVIEW_PROMPT)) {
        contactCategories.put(c, Set.of(StandardCategories.ACCOUNT));
      }
    }

    /** The clock for decisions, quiet hours and the frequency window; use the consent service's clock. */
    public Builder clock(Clock value) {
      this.clock = Check.notNull(value, "clock");
      return this;
    }

    public Builder contentReviewer(ContentReviewer value) {
      this.reviewer = Check.notNull(value, "contentReviewer");
      return this;
    }

    public Builder sendLog(MarketingSendLog value) {
      this.sendLog = Check.notNull(value, "sendLog");
      return this;
    }

    public Builder subscriptionStore(SubscriptionStore value) {
      this.subscriptions = Check.notNull(value, "subscriptionStore");
      return this;
    }

    /** Use the runner the consent service's stores use, so the audit append joins the same transaction. */
    public Builder transactionRunner(TransactionRunner value) {
      this.transactions = Check.notNull(value, "transactionRunner");
      return this;
    }

    /** Who sends (asks for the consent decision); defaults to the platform itself. */
    public Builder sender(Requester value) {
      this.sender = Check.notNull(value, "sender");
      return this;
    }

    /** The cap for every channel without its own. */
    public Builder frequencyCap(FrequencyCap value) {
      this.defaultCap = Check.notNull(value, "frequencyCap");
      return this;
    }

    public Builder frequencyCap(ContentChannel channel, FrequencyCap value) {
      caps.put(Check.notNull(channel, "channel"), Check.notNull(value, "frequencyCap"));
      return this;
    }

    public Builder quietHours(QuietHours value) {
      this.quietHours = Check.notNull(value, "quietHours");
      return this;
    }

    /**
     * The data categories a message on {@code channel} uses to reach the person (default: SMS the mobile number,
     * app push the device, WeChat, Xiaohongshu and Meituan the account); they are what the consent must cover.
     */
    public Builder contactCategories(ContentChannel channel, DataCategory... categories) {
      contactCategories.put(Check.notNull(channel, "channel"), Set.copyOf(Check.notEmpty(List.of(categories),
          "categories")));
      return this;
    }

    public Builder optOutPhrases(List<String> phrases) {
      this.optOutPhrases = List.copyOf(Check.notEmpty(phrases, "optOutPhrases"));
      return this;
    }

    public MarketingGate build() {
      if (reviewer == null) {
        reviewer = ContentReviewer.ofDefaults();
      }
      if (sendLog == null) {
        sendLog = new InMemoryMarketingSendLog();
      }
      if (subscriptions == null) {
        subscriptions = new InMemorySubscriptionStore();
      }
      if (transactions == null) {
        transactions = new InMemoryTransactionRunner();
      }
      return new MarketingGate(this);
    }
  }
}
