package io.kinhealth.referral.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.model.RevenueCategory;
import io.kinhealth.referral.party.PartyRole;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The guard policy")
class GuardPolicyTest {
  @Test
  @DisplayName("ships as versioned data naming its sources")
  void bundled() {
    GuardPolicy p = GuardPolicy.bundled();
    assertThat(p.version()).isPositive();
    assertThat(p.staffRoles()).contains(PartyRole.DOCTOR, PartyRole.STAFF);
    assertThat(p.staffRevenueBan()).containsExactlyInAnyOrder(RevenueCategory.DRUG, RevenueCategory.EXAM,
        RevenueCategory.CONSUMABLE);
    assertThat(p.defaultDepth()).isEqualTo(1);
    assertThat(p.hardMaxDepth()).isEqualTo(2);
    assertThat(p.staffReferralFeeBan()).isTrue();
    assertThat(p.signUpRewardBan()).isTrue();
    assertThat(p.staffRevenueSources()).isNotEmpty();
    assertThat(p.depthSources()).extracting(LegalSource::id).contains("jinzhichuanxiao-2005");
    assertThat(p.sources().get("yishifa-2021-art31").citation()).isEqualTo("中华人民共和国医师法 第三十一条 (2021)");
  }

  @Test
  @DisplayName("can be replaced by a host's own reading, which the validator then applies")
  void custom() {
    String json = """
        {"id": "host.guards", "version": 3, "reviewed": "2027-01-01",
         "sources": [{"id": "counsel", "title": "Our counsel's memo"}],
         "staffRoles": {"roles": ["DOCTOR", "PHYSIOTHERAPIST"], "sources": ["counsel"]},
         "staffRevenueBan": {"categories": ["DRUG", "EXAM", "CONSUMABLE", "DEVICE"], "sources": ["counsel"]},
         "staffReferralFeeBan": {"enabled": true, "sources": ["counsel"]},
         "referralDepth": {"default": 1, "hardMax": 1, "sources": ["counsel"]},
         "signUpRewardBan": {"enabled": true, "sources": ["counsel"]}}
        """;
    GuardPolicy p = GuardPolicy.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(p).hasToString("host.guards v3");
    RevenueShareRuleSet devices = RevenueShareRuleSet.builder(RuleSetId.of("d"), 1)
        .effectiveFrom(io.kinhealth.referral.Seeds.EPOCH)
        .rule(RevenueShareRule.named("devices").categories(RevenueCategory.DEVICE)
            .share(PartyRole.of("PHYSIOTHERAPIST"), io.kinhealth.core.money.BasisPoints.of(100))
            .rest(PartyRole.CLINIC).build())
        .build();
    assertThat(RuleValidator.of(p, 1).validate(devices)).extracting(RuleViolation::reason)
        .containsExactly("referral.rule.physiotherapist_share_of_device");
    assertThat(RuleValidator.ofDefaults().validate(devices)).isEmpty();
  }

  @Test
  @DisplayName("refuses a file that cites an unknown source or breaks the depth limits")
  void invalid() {
    String unknownSource = """
        {"id": "x", "version": 1, "reviewed": "2027-01-01", "sources": [],
         "staffRoles": {"roles": [], "sources": ["nowhere"]},
         "referralDepth": {"default": 1, "hardMax": 2}}
        """;
    assertThatThrownBy(() -> GuardPolicy.fromJson(new ByteArrayInputStream(
        unknownSource.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.reason()).isEqualTo("referral.policy.invalid");
          assertThat(e.field()).contains("staffRoles.sources");
        });
    String badDepth = """
        {"id": "x", "version": 1, "reviewed": "2027-01-01", "sources": [],
         "referralDepth": {"default": 3, "hardMax": 2}}
        """;
    assertThatThrownBy(() -> GuardPolicy.fromJson(new ByteArrayInputStream(
        badDepth.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("referralDepth"));
  }
}
