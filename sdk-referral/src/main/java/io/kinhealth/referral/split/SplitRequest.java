package io.kinhealth.referral.split;

import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.money.Money;
import io.kinhealth.core.validation.Check;
import io.kinhealth.referral.party.PartyId;
import io.kinhealth.referral.party.PartyRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to split: an order's lines, who plays each role, which roles' pay is withheld (with a reason code), and each
 * role's party's monthly volume so far (for tiered shares).
 *
 * @param withheld roles whose party may not be paid, mapped to the reason (e.g.
 *     {@code referral.split.staff_referral_fee}); their amounts move to the residual, or the platform
 * @param volumes the paid volume of each role's party this month before this order; absent means zero
 */
public record SplitRequest(
    List<OrderLine> lines,
    Map<PartyRole, PartyId> parties,
    Map<PartyRole, String> withheld,
    Map<PartyRole, Money> volumes) {

  public SplitRequest {
    lines = List.copyOf(Check.notEmpty(lines, "lines"));
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!ids.add(lines.get(i).id())) {
        throw new ValidationException("lines[" + i + "].id", "referral.order.duplicate_line", "line ids repeat");
      }
    }
    parties = Map.copyOf(Check.noNulls(parties, "parties"));
    withheld = Map.copyOf(Check.noNulls(withheld == null ? Map.of() : withheld, "withheld"));
    volumes = Map.copyOf(Check.noNulls(volumes == null ? Map.of() : volumes, "volumes"));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SplitRequest}. */
  public static final class Builder {
    private final List<OrderLine> lines = new ArrayList<>();
    private final Map<PartyRole, PartyId> parties = new LinkedHashMap<>();
    private final Map<PartyRole, String> withheld = new HashMap<>();
    private final Map<PartyRole, Money> volumes = new HashMap<>();

    private Builder() {}

    public Builder line(OrderLine line) {
      lines.add(Check.notNull(line, "line"));
      return this;
    }

    public Builder lines(List<OrderLine> lines) {
      this.lines.addAll(Check.noNulls(lines, "lines"));
      return this;
    }

    public Builder party(PartyRole role, PartyId party) {
      parties.put(Check.notNull(role, "role"), Check.notNull(party, "party"));
      return this;
    }

    public Builder parties(Map<PartyRole, PartyId> parties) {
      this.parties.putAll(Check.noNulls(parties, "parties"));
      return this;
    }

    public Builder withhold(PartyRole role, String reason) {
      withheld.put(Check.notNull(role, "role"), Check.notBlank(reason, "reason"));
      return this;
    }

    public Builder volume(PartyRole role, Money volume) {
      volumes.put(Check.notNull(role, "role"), Check.notNull(volume, "volume"));
      return this;
    }

    public SplitRequest build() {
      return new SplitRequest(lines, parties, withheld, volumes);
    }
  }
}
