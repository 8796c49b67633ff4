package io.kinhealth.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinhealth.compliance.notice.NoticeContent;
import io.kinhealth.compliance.notice.PrivacyNotice;
import io.kinhealth.compliance.taxonomy.StandardCategories;
import io.kinhealth.compliance.taxonomy.StandardPurposes;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.spi.PageRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Privacy notices")
class PrivacyNoticeTest {
  @Test
  @DisplayName("versions count up, each with the SHA-256 of its content, and only material changes move the baseline")
  void versions() {
    Fixture f = new Fixture();
    assertThat(f.notice.version()).isEqualTo(1);
    assertThat(f.notice.sha256()).hasSize(64).isEqualTo(f.notice.content().sha256());
    NoticeContent c = f.notice.content();
    PrivacyNotice v2 = f.service.publishNotice(new PublishNotice(f.key(), Fixture.NOTICE, new NoticeContent(
        c.processorName(), c.processorContact(), c.purposes(), c.categories(), c.actions(), c.recipients(),
        c.retention(), c.rightsHowTo(), c.sensitiveNecessity(), c.language(), c.text() + " (typo fixed)")));
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.consentBaseline()).isEqualTo(1);
    assertThat(v2.sha256()).isNotEqualTo(f.notice.sha256());
    Set<io.kinhealth.compliance.taxonomy.DataCategory> fewer = new LinkedHashSet<>(c.categories());
    fewer.remove(StandardCategories.LOCATION);
    PrivacyNotice v3 = f.service.publishNotice(new PublishNotice(f.key(), Fixture.NOTICE, new NoticeContent(
        c.processorName(), c.processorContact(), c.purposes(), fewer, c.actions(), c.recipients(),
        c.retention(), c.rightsHowTo(), c.sensitiveNecessity(), c.language(), c.text())));
    assertThat(v3.consentBaseline()).isEqualTo(3);
    assertThat(f.service.currentNotice(Fixture.NOTICE)).contains(v3);
    assertThat(f.service.notice(Fixture.NOTICE, 2)).contains(v2);
  }

  @Test
  @DisplayName("the hash does not depend on the order of sets")
  void hashIsOrderIndependent() {
    NoticeContent a = Fixture.content(Set.of());
    List<io.kinhealth.compliance.taxonomy.Purpose> reversed = new java.util.ArrayList<>(a.purposes());
    java.util.Collections.reverse(reversed);
    NoticeContent b = new NoticeContent(a.processorName(), a.processorContact(), new LinkedHashSet<>(reversed),
        a.categories(), a.actions(), a.recipients(), a.retention(), a.rightsHowTo(), a.sensitiveNecessity(),
        a.language(), a.text());
    assertThat(b.sha256()).isEqualTo(a.sha256());
  }

  @Test
  @DisplayName("a notice covering sensitive data must say why it is necessary (art. 30)")
  void necessity() {
    Fixture f = new Fixture();
    NoticeContent c = f.notice.content();
    assertThatThrownBy(() -> f.service.publishNotice(new PublishNotice(f.key(), Fixture.NOTICE, new NoticeContent(
        c.processorName(), c.processorContact(), Set.of(StandardPurposes.HEALTH_MONITORING), c.categories(),
        c.actions(), c.recipients(), c.retention(), c.rightsHowTo(), null, c.language(), c.text()))))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.reason()).isEqualTo("notice.necessity_missing"));
    assertThat(f.service.currentNotice(Fixture.NOTICE).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  @DisplayName("replaying a publish returns the first version")
  void idempotentPublish() {
    Fixture f = new Fixture();
    var key = f.key();
    PrivacyNotice v2 = f.service.publishNotice(new PublishNotice(key, Fixture.NOTICE, Fixture.content(
        Set.of())));
    assertThat(f.service.publishNotice(new PublishNotice(key, Fixture.NOTICE, Fixture.content(Set.of()))))
        .isEqualTo(v2);
    assertThat(f.service.auditLog().read(1, PageRequest.first(10)).items()).hasSize(2);
  }
}
