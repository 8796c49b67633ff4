package io.kinhealth.compliance.marketing;

import static io.kinhealth.compliance.marketing.GateFixture.ALICE;
import static io.kinhealth.compliance.marketing.GateFixture.ALICE_SUBJECT;
import static io.kinhealth.compliance.marketing.GateFixture.BOB_SUBJECT;
import static io.kinhealth.compliance.marketing.GateFixture.CLEAN_POST;
import static io.kinhealth.compliance.marketing.GateFixture.CLEAN_SMS;
import static io.kinhealth.compliance.marketing.GateFixture.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.DecisionOutcome;
import io.kinhealth.compliance.audit.AuditEntry;
import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.compliance.memory.InMemoryAuditStore;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.core.error.IdempotencyConflictException;
import io.kinhealth.core.error.UnavailableException;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.id.IdempotencyKey;
import io.kinhealth.core.spi.PageRequest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Marketing gate")
class MarketingGateTest {
  private final GateFixture f = new GateFixture();

  @Nested
  @DisplayName("allow and block")
  class AllowAndBlock {
    @Test
    @DisplayName("clean copy to a consenting person in the daytime, under the cap, is allowed")
    void allowsACompliantMessage() {
      f.consentToMarketing(ALICE_SUBJECT);
      GateDecision d = f.gate.check(f.sms(ALICE_SUBJECT, CLEAN_SMS));
      assertThat(d.outcome()).isEqualTo(GateOutcome.ALLOW);
      assertThat(d.reasons()).isEmpty();
      assertThat(d.consentOutcome()).isEqualTo(DecisionOutcome.PERMIT);
      assertThat(d.findings()).isEmpty();
      assertThat(d.retryAt()).isEmpty();
    }

    @Test
    @DisplayName("every failing check is reported, not just the first")
    void reportsEveryReason() {
      f.gate.unsubscribe(f.key(), ALICE, null, "sms_reply_T");
      f.clock.set(shanghai(2026, 11, 25, 22, 30).toInstant());
      GateDecision d = f.gate.check(f.sms(ALICE_SUBJECT, "【XX医院】根治前列腺炎，治愈率高达95%，限时特惠！"));
      assertThat(d.outcome()).isEqualTo(GateOutcome.BLOCK);
      assertThat(d.reasons()).extracting(GateReason::code).containsExactly(GateReasons.CONTENT,
          GateReasons.CONSENT, GateReasons.UNSUBSCRIBED, GateReasons.SMS_OPT_OUT, GateReasons.QUIET_HOURS);
      assertThat(d.reasons().get(0).detail()).contains("ad.efficacy_guarantee", "ad.cure_rate")
          .doesNotContain("ad.electronic_ad_opt_out");
      assertThat(d.consentReasons()).contains("decision.no_consent");
      assertThat(d.retryAt()).as("content and consent do not lift with time").isEmpty();
    }

    @Test
    @DisplayName("copy that breaks advertising law is blocked even with consent, naming the rules")
    void blocksViolatingCopy() {
      f.consentToMarketing(ALICE_SUBJECT);
      GateDecision d = f.gate.check(f.post(ALICE_SUBJECT, "全城最好的植发医院，成活率95%以上。"));
      assertThat(d.reasons()).singleElement().satisfies(r -> {
        assertThat(r.code()).isEqualTo(GateReasons.CONTENT);
        assertThat(r.detail()).contains("ad.absolute_terms", "ad.cure_rate");
      });
      assertThat(d.findings()).extracting(f -> f.ruleId()).contains("ad.absolute_terms", "ad.cure_rate");
    }

    @Test
    @DisplayName("a marketing SMS without an opt-out instruction is blocked; the same copy with 回T退订 passes")
    void smsNeedsOptOut() {
      f.consentToMarketing(ALICE_SUBJECT);
      GateDecision without = f.gate.check(f.sms(ALICE_SUBJECT, "【XX口腔】冬季洗牙季，欢迎预约。"));
      assertThat(without.reasons()).extracting(GateReason::code).containsExactly(GateReasons.SMS_OPT_OUT);
      assertThat(f.gate.check(f.sms(ALICE_SUBJECT, "【XX口腔】冬季洗牙季，欢迎预约。回 t 退订")).allowed()).isTrue();
    }
  }

  @Nested
  @DisplayName("consent (PIPL art. 24)")
  class Consent {
    @Test
    @DisplayName("without a marketing consent the message is blocked citing the consent decision")
    void noConsentBlocks() {
      GateDecision d = f.gate.check(f.post(ALICE_SUBJECT, CLEAN_POST));
      assertThat(d.reasons()).singleElement().satisfies(r -> {
        assertThat(r.code()).isEqualTo(GateReasons.CONSENT);
        assertThat(r.citation()).contains("PIPL");
      });
      assertThat(d.consentOutcome()).isEqualTo(DecisionOutcome.DENY);
    }

    @Test
    @DisplayName("a refusal of marketing beats an earlier grant: the easy refusal of art. 24")
    void refusalBeatsGrant() {
      f.consentToMarketing(ALICE_SUBJECT);
      f.refuseMarketing(ALICE_SUBJECT);
      GateDecision d = f.gate.check(f.post(ALICE_SUBJECT, CLEAN_POST));
      assertThat(d.hasReason(GateReasons.CONSENT)).isTrue();
      assertThat(d.consentReasons()).contains("decision.refused");
    }

    @Test
    @DisplayName("a message personalised with purchase history needs consent that covers purchases too")
    void personalisationJoinsTheConsentQuestion() {
      f.consentToMarketing(ALICE_SUBJECT);
      MarketingMessage personalised = f.post(ALICE_SUBJECT, CLEAN_POST).personalisedWith(StandardCategories.PURCHASES);
      assertThat(f.gate.check(personalised).hasReason(GateReasons.CONSENT)).isTrue();
      f.consentToMarketing(BOB_SUBJECT, StandardCategories.BEHAVIOR);
      assertThat(f.gate.check(f.post(BOB_SUBJECT, CLEAN_POST).personalisedWith(StandardCategories.PURCHASES))
          .allowed()).isTrue();
    }
  }

  @Nested
  @DisplayName("quiet hours")
  class Quiet {
    @Test
    @DisplayName("at 22:30 in Shanghai a message is blocked until 08:00; the next morning it is allowed")
    void blocksAtNightAllowsInTheMorning() {
      f.consentToMarketing(ALICE_SUBJECT);
      f.clock.set(shanghai(2026, 11, 25, 22, 30).toInstant());
      GateDecision night = f.gate.check(f.post(ALICE_SUBJECT, CLEAN_POST));
      assertThat(night.reasons()).extracting(GateReason::code).containsExactly(GateReasons.QUIET_HOURS);
      assertThat(night.reasons().get(0).detail()).contains("22:30", "21:00", "08:00", "Asia/Shanghai");
      assertThat(night.retryAt()).contains(shanghai(2026, 11, 26, 8, 0).toInstant());
      f.clock.set(shanghai(2026, 11, 26, 8, 30).toInstant());
      assertThat(f.gate.check(f.post(ALICE_SUBJECT, CLEAN_POST)).allowed()).isTrue();
    }

    @Test
    @DisplayName("quiet hours are the recipient's: 22:30 in Shanghai is mid-afternoon in London")
    void recipientZone() {
      f.consentToMarketing(ALICE_SUBJECT);
      f.clock.set(shanghai(2026, 11, 25, 22, 30).toInstant());
      MarketingMessage toLondon = f.post(ALICE_SUBJECT, CLEAN_POST).inZone(ZoneId.of("Europe/London"));
      assertThat(f.gate.check(toLondon).allowed()).isTrue();
      f.clock.set(shanghai(2026, 11, 26, 7, 0).toInstant()); // 23:00 in London
      assertThat(f.gate.check(f.post(ALICE_SUBJECT, CLEAN_POST).inZone(ZoneId.of("Europe/London"))).hasReason(
          GateReasons.QUIET_HOURS)).isTrue();
    }

    @Test
    @DisplayName("quiet hours include their start and exclude their end")
    void edges() {
      QuietHours q = QuietHours.DEFAULT;
      assertThat(q.contains(java.time.LocalTime.of(21, 0))).isTrue();
      assertThat(q.contains(java.time.LocalTime.of(20, 59))).isFalse();
      assertThat(q.contains(java.time.LocalTime.of(7, 59))).isTrue();
      assertThat(q.contains(java.time.LocalTime.of(8, 0))).isFalse();
      assertThat(QuietHours.NONE.contains(java.time.LocalTime.of(3, 0))).isFalse();
      QuietHours lunch = new QuietHours(java.time.LocalTime.of(12, 0), java.time.LocalTime.of(14, 0));
      assertThat(lunch.contains(java.time.LocalTime.of(13, 0))).isTrue();
      assertThat(lunch.contains(java.time.LocalTime.of(15, 0))).isFalse();
    }
  }

  @Nested
  @DisplayName("frequency cap")
  class Cap {
    @Test
    @DisplayName("two a week per channel: the third is blocked until the first leaves the window")
    void twoAWeek() {
      f.consentToMarketing(ALICE_SUBJECT);
      assertThat(f.gate.check(f.sms(ALICE_SUBJECT, CLEAN_SMS)).allowed()).isTrue();
      f.clock.advance(Duration.ofDays(1));
      assertThat(f.gate.check(f.sms(ALICE_SUBJECT, CLEAN_SMS)).allowed()).isTrue();
      f.clock.advance(Duration.ofDays(1));
      GateDecision third = f.gate.check(f.sms(ALICE_SUBJECT, CLEAN_SMS));
      assertThat(third.reasons()).extracting(GateReason::code).containsExactly(GateReasons.FREQUENCY_CAP);
      assertThat(third.retryAt()).contains(shanghai(2026, 12, 2, 10, 0).toInstant());
      GateDecision post = f.gate.check(f.post(ALICE_SUBJECT, CLEAN_POST));
      assertThat(post.allowed()).as("another channel has its own cap: %s", post.reasons()).isTrue();
      f.clock.set(shanghai(2026, 12, 2, 10, 0).toInstant());
      assertThat(f.gate.check(f.sms(ALICE_SUBJECT, CLEAN_SMS)).allowed()).isTrue();
    }

    @Test
    @DisplayName("blocked messages do not use up the cap")
    void blocksDoNotCount() {
      f.consentToMarketing(ALICE_SUBJECT);
      for (int i = 0; i < 5; i++) {
        assertThat(f.gate.check(f.post(ALICE_SUBJECT, "全国第一的口腔医院")).allowed()).isFalse();
      }
      assertThat(f.gate.check(f.post(ALICE_SUBJECT, CLEAN_POST)).allowed()).isTrue();
    }

    @Test
    @DisplayName("a channel's own cap overrides the default")
    void perChannelCap() {
      GateFixture g = new GateFixture(new InMemoryAuditStore(),
          b -> b.frequencyCap(ContentChannel.SMS, new FrequencyCap(1, Duration.ofDays(30))));
      g.consentToMarketing(ALICE_SUBJECT);
      assertThat(g.gate.check(g.sms(ALICE_SUBJECT, CLEAN_SMS)).allowed()).isTrue();
      g.clock.advance(Duration.ofDays(20));
      assertThat(g.gate.check(g.sms(ALICE_SUBJECT, CLEAN_SMS)).hasReason(GateReasons.FREQUENCY_CAP)).isTrue();
    }

    @Test
    @DisplayName("when the cap lifts during quiet hours, the retry time is the morning after")
    void retryAfterCapSkipsTheNight() {
      GateFixture g = new GateFixture(new InMemoryAuditStore(),
          b -> b.frequencyCap(new FrequencyCap(1, Duration.ofHours(36))));
      g.consentToMarketing(ALICE_SUBJECT);
      assertThat(g.gate.check(g.post(ALICE_SUBJECT, CLEAN_POST)).allowed()).isTrue(); // 25th, 10:00
      g.clock.set(shanghai(2026, 11, 26, 12, 0).toInstant());
      GateDecision d = g.gate.check(g.post(ALICE_SUBJECT, CLEAN_POST));
      // The cap lifts on the 26th at 22:00, inside quiet hours: the first possible send is the 27th at 08:00.
      assertThat(d.retryAt()).contains(shanghai(2026, 11, 27, 8, 0).toInstant());
    }
  }

  @Nested
  @DisplayName("unsubscribe")
  class Unsubscribe {
    @Test
    @DisplayName("one call, effective on the very next check; subscribing again restores it")
    void unsubscribeIsImmediate() {
      f.consentToMarketing(ALICE_SUBJECT);
      assertThat(f.gate.check(f.sms(ALICE_SUBJECT, CLEAN_SMS)).allowed()).isTrue();
      f.gate.unsubscribe(f.key(), ALICE, ContentChannel.SMS, "sms_reply_T");
      GateDecision d = f.gate.check(f.sms(ALICE_SUBJECT, CLEAN_SMS));
      assertThat(d.reasons()).extracting(GateReason::code).containsExactly(GateReasons.UNSUBSCRIBED);
      assertThat(f.gate.check(f.post(ALICE_SUBJECT, CLEAN_POST)).allowed()).as("only SMS was left").isTrue();
      f.clock.advance(Duration.ofMinutes(1));
      f.gate.resubscribe(f.key(), ALICE, ContentChannel.SMS, "app_settings");
      assertThat(f.gate.check(f.sms(ALICE_SUBJECT, CLEAN_SMS)).allowed()).isTrue();
    }

    @Test
    @DisplayName("unsubscribing from all marketing blocks every channel")
    void unsubscribeAll() {
      f.consentToMarketing(ALICE_SUBJECT);
      f.gate.unsubscribe(f.key(), ALICE, null, "call_centre");
      for (ContentChannel c : List.of(ContentChannel.SMS, ContentChannel.WECHAT_OFFICIAL_ACCOUNT,
          ContentChannel.APP_PUSH)) {
        assertThat(f.gate.check(MarketingMessage.of(f.nextId(), ALICE_SUBJECT, c, CLEAN_SMS))
            .hasReason(GateReasons.UNSUBSCRIBED)).as("%s", c).isTrue();
      }
    }
  }

  @Nested
  @DisplayName("idempotency and audit")
  class Idempotency {
    @Test
    @DisplayName("checking the same message again returns the first decision, even after the clock moved")
    void sameMessageSameDecision() {
      f.consentToMarketing(ALICE_SUBJECT);
      MarketingMessage m = f.post(ALICE_SUBJECT, CLEAN_POST);
      GateDecision first = f.gate.check(m);
      f.clock.set(shanghai(2026, 11, 25, 23, 0).toInstant());
      assertThat(f.gate.check(m)).isEqualTo(first);
      assertThat(f.gate.decisionFor(m.id())).contains(first);
      assertThat(marketingAudit()).hasSize(1);
    }

    @Test
    @DisplayName("a different message under a used id is an idempotency conflict and changes nothing")
    void reusedIdConflicts() {
      f.consentToMarketing(ALICE_SUBJECT);
      MarketingMessage m = f.post(ALICE_SUBJECT, CLEAN_POST);
      f.gate.check(m);
      MarketingMessage other = MarketingMessage.of(m.id(), ALICE_SUBJECT, m.channel(), "另一条文案");
      assertThatThrownBy(() -> f.gate.check(other)).isInstanceOf(IdempotencyConflictException.class);
      assertThat(marketingAudit()).hasSize(1);
    }

    @Test
    @DisplayName("each decision is audited with outcome, reasons, rules and consent, but never the text")
    void auditRecordsTheDecision() {
      f.consentToMarketing(ALICE_SUBJECT);
      f.gate.check(f.post(ALICE_SUBJECT, "全国第一的口腔医院"));
      f.gate.unsubscribe(f.key(), ALICE, ContentChannel.SMS, "sms_reply_T");
      List<AuditEntry> entries = f.consents.auditLog().entriesOf(ALICE, PageRequest.first(100)).items();
      AuditEntry decision = entries.stream().filter(e -> e.record().type().equals(MarketingGate.AUDIT_TYPE))
          .findFirst().orElseThrow();
      assertThat(decision.record().attributes()).containsEntry("outcome", "BLOCK")
          .containsEntry("reasons", GateReasons.CONTENT).containsEntry("rules", "ad.absolute_terms")
          .containsEntry("consentOutcome", "PERMIT").containsEntry("channel", "wechat_official_account");
      assertThat(decision.record().toString() + decision.record().attributes()).doesNotContain("口腔医院");
      assertThat(entries).anyMatch(e -> e.record().type().equals("marketing.unsubscribed"));
      assertThat(f.consents.auditLog().verify().intact()).isTrue();
    }

    @Test
    @DisplayName("if the audit cannot be written nothing is recorded and no ALLOW is returned")
    void auditFailureLeavesNothing() {
      AtomicBoolean failing = new AtomicBoolean(false);
      InMemoryAuditStore delegate = new InMemoryAuditStore();
      io.kinhealth.compliance.spi.AuditStore flaky = new io.kinhealth.compliance.spi.AuditStore() {
        @Override
        public AuditEntry append(AuditEntry entry, IdempotencyKey key) {
          if (failing.get()) {
            throw new UnavailableException("test.audit_down", null, "audit store down");
          }
          return delegate.append(entry, key);
        }

        @Override
        public java.util.Optional<AuditEntry> last() {
          return delegate.last();
        }

        @Override
        public io.kinhealth.core.spi.Page<AuditEntry> read(long from, PageRequest page) {
          return delegate.read(from, page);
        }

        @Override
        public io.kinhealth.core.spi.Page<AuditEntry> findBySubject(io.kinhealth.core.id.PersonId s, PageRequest p) {
          return delegate.findBySubject(s, p);
        }
      };
      GateFixture g = new GateFixture(flaky, b -> b);
      g.consentToMarketing(ALICE_SUBJECT);
      MarketingMessage m = g.post(ALICE_SUBJECT, CLEAN_POST);
      failing.set(true);
      assertThatThrownBy(() -> g.gate.check(m)).isInstanceOf(UnavailableException.class);
      assertThat(g.gate.decisionFor(m.id())).isEmpty();
      failing.set(false);
      assertThat(g.gate.check(m).allowed()).isTrue();
    }

    private List<AuditEntry> marketingAudit() {
      return f.consents.auditLog().entriesOf(ALICE, PageRequest.first(100)).items().stream()
          .filter(e -> e.record().type().equals(MarketingGate.AUDIT_TYPE)).toList();
    }
  }

  @Nested
  @DisplayName("races and bad input")
  class Races {
    @Test
    @DisplayName("a gate that loses the race for the last slot reads the history again and blocks")
    void losingTheRaceForTheLastSlot() {
      // Another node records an ALLOW for the same recipient between this gate's read and its write.
      io.kinhealth.compliance.marketing.memory.InMemoryMarketingSendLog shared =
          new io.kinhealth.compliance.marketing.memory.InMemoryMarketingSendLog();
      AtomicBoolean raced = new AtomicBoolean(false);
      GateFixture[] holder = new GateFixture[1];
      io.kinhealth.compliance.marketing.spi.MarketingSendLog racing =
          new io.kinhealth.compliance.marketing.spi.MarketingSendLog() {
            @Override
            public java.util.Optional<GateDecision> find(MarketingMessageId id) {
              return shared.find(id);
            }

            @Override
            public SendWindow window(io.kinhealth.core.id.PersonId p, ContentChannel c, java.time.Instant since) {
              return shared.window(p, c, since);
            }

            @Override
            public GateDecision record(IdempotencyKey key, GateDecision d, long expectedVersion) {
              if (raced.compareAndSet(false, true)) {
                GateDecision other = new GateDecision(MarketingMessageId.of("other-node-1"), d.recipient(),
                    d.channel(), GateOutcome.ALLOW, List.of(), List.of(), DecisionOutcome.PERMIT, List.of(),
                    d.ruleBookVersion(), d.consentPolicyVersion(), d.decidedAt(), null, "f".repeat(64));
                // The other node commits on its own (another thread: outside this gate's transaction).
                Thread node = new Thread(() -> shared.record(IdempotencyKey.of("other-node-1"), other,
                    expectedVersion));
                node.start();
                try {
                  node.join();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              }
              return shared.record(key, d, expectedVersion);
            }
          };
      GateFixture g = new GateFixture(new InMemoryAuditStore(),
          b -> b.sendLog(racing).frequencyCap(new FrequencyCap(1, Duration.ofDays(7))));
      holder[0] = g;
      g.consentToMarketing(ALICE_SUBJECT);
      GateDecision d = g.gate.check(g.post(ALICE_SUBJECT, CLEAN_POST));
      assertThat(d.reasons()).extracting(GateReason::code).containsExactly(GateReasons.FREQUENCY_CAP);
      assertThat(shared.window(ALICE, ContentChannel.WECHAT_OFFICIAL_ACCOUNT, java.time.Instant.EPOCH).allowed())
          .isEqualTo(1);
    }

    @Test
    @DisplayName("many threads sending to one person never exceed the cap")
    void concurrentChecksRespectTheCap() throws Exception {
      f.consentToMarketing(ALICE_SUBJECT);
      int threads = 8;
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
      try {
        List<java.util.concurrent.Future<GateDecision>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
          MarketingMessage m = f.post(ALICE_SUBJECT, CLEAN_POST);
          futures.add(pool.submit(() -> f.gate.check(m)));
        }
        int allowed = 0;
        for (var fu : futures) {
          allowed += fu.get().allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(FrequencyCap.DEFAULT.maxMessages());
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    @DisplayName("a message without a channel, text or recipient is refused naming the field")
    void badMessages() {
      assertThatThrownBy(() -> MarketingMessage.of(f.nextId(), ALICE_SUBJECT, ContentChannel.UNSPECIFIED, "x"))
          .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("reason", "marketing.channel_required");
      assertThatThrownBy(() -> MarketingMessage.of(f.nextId(), ALICE_SUBJECT, ContentChannel.SMS, " "))
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).field()).contains("text"));
      assertThatThrownBy(() -> MarketingMessage.of(f.nextId(), null, ContentChannel.SMS, "x"))
          .isInstanceOf(ValidationException.class)
          .satisfies(e -> assertThat(((ValidationException) e).field()).contains("recipient"));
      assertThatThrownBy(() -> f.gate.check(null)).isInstanceOf(ValidationException.class);
      assertThat(MarketingMessage.of(f.nextId(), ALICE_SUBJECT, ContentChannel.SMS, "张女士您好").toString())
          .doesNotContain("张女士");
    }
  }
}
