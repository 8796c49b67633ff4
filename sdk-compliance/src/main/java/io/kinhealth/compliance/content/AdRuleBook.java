package io.kinhealth.compliance.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kinhealth.core.error.ValidationException;
import io.kinhealth.core.validation.Check;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A versioned set of advertising rules and the context lexicon they share, read from a JSON resource a compliance
 * officer can read and extend ({@code io/kinhealth/compliance/content/ad-rules.json} is the shipped one).
 *
 * <p>Guarantees: rule ids are unique; every rule has at least one trigger term; a malformed file is rejected as a
 * whole with a {@link ValidationException} naming the offending path (e.g. {@code rules[3].patterns[0].terms}).
 * Immutable.
 */
public final class AdRuleBook {
  /** Classpath location of the rule book shipped with the SDK. */
  public static final String STANDARD_RESOURCE = "/io/kinhealth/compliance/content/ad-rules.json";

  private final String version;
  private final List<String> sources;
  private final AdLexicon lexicon;
  private final List<AdRule> rules;
  private final SpellingVariants spellingVariants;

  /** A rule book whose terms are matched only as written (see {@link SpellingVariants#NONE}). */
  public AdRuleBook(String version, List<String> sources, AdLexicon lexicon, List<AdRule> rules) {
    this(version, sources, lexicon, rules, SpellingVariants.NONE);
  }

  public AdRuleBook(String version, List<String> sources, AdLexicon lexicon, List<AdRule> rules,
      SpellingVariants spellingVariants) {
    this.spellingVariants = Check.notNull(spellingVariants, "spellingVariants");
    this.version = Check.notBlank(version, "version");
    this.sources = List.copyOf(Check.noNulls(sources, "sources"));
    this.lexicon = Check.notNull(lexicon, "lexicon");
    this.rules = List.copyOf(Check.notEmpty(rules, "rules"));
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < this.rules.size(); i++) {
      if (!ids.add(this.rules.get(i).id())) {
        throw new ValidationException("rules[" + i + "].id", "content.rule.duplicate_id", "rule ids must be unique");
      }
    }
  }

  private static final class Standard {
    static final AdRuleBook BOOK = load();

    private static AdRuleBook load() {
      try (InputStream in = AdRuleBook.class.getResourceAsStream(STANDARD_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + STANDARD_RESOURCE);
        }
        return read(in);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + STANDARD_RESOURCE, e);
      }
    }
  }

  /** The rule book shipped with the SDK (loaded once). */
  public static AdRuleBook standard() {
    return Standard.BOOK;
  }

  /** Reads a rule book in the shipped JSON format. */
  public static AdRuleBook read(InputStream json) throws IOException {
    Check.notNull(json, "json");
    JsonNode root = new ObjectMapper().readTree(json);
    if (root == null || !root.isObject()) {
      throw new ValidationException("$", "content.rule_book.not_object", "a rule book is a JSON object");
    }
    JsonNode lex = root.path("lexicon");
    AdLexicon lexicon = new AdLexicon(strings(lex, "negators", "lexicon"), strings(lex, "negationBreakers", "lexicon"),
        strings(lex, "affirmers", "lexicon"), strings(lex, "negationBridges", "lexicon"),
        strings(lex, "negationQuantifiers", "lexicon"),
        strings(lex, "warnings", "lexicon"), strings(lex, "distancers", "lexicon"),
        strings(lex, "disclaimers", "lexicon"));
    List<AdRule> rules = new ArrayList<>();
    JsonNode rulesNode = root.path("rules");
    for (int i = 0; i < rulesNode.size(); i++) {
      rules.add(rule(rulesNode.get(i), "rules[" + i + "]"));
    }
    return new AdRuleBook(text(root, "version", "$"), strings(root, "sources", "$"), lexicon, rules,
        spellingVariants(root.get("spellingVariants")));
  }

  private static SpellingVariants spellingVariants(JsonNode node) {
    if (node == null || node.isNull()) {
      return SpellingVariants.NONE;
    }
    try {
      return new SpellingVariants(node.path("pinyin").asBoolean(false), node.path("initialsMinLength").asInt(0),
          node.path("homophonesMinLength").asInt(0), node.path("numerals").asBoolean(false));
    } catch (ValidationException e) {
      throw new ValidationException("spellingVariants." + e.field().orElse("?"), e.reason(),
          "invalid spellingVariants");
    }
  }

  private static AdRule rule(JsonNode node, String path) {
    try {
      List<AdRule.Pattern> patterns = new ArrayList<>();
      JsonNode ps = node.path("patterns");
      for (int i = 0; i < ps.size(); i++) {
        patterns.add(pattern(ps.get(i), path + ".patterns[" + i + "]"));
      }
      Set<ContentChannel> channels = EnumSet.noneOf(ContentChannel.class);
      for (String c : strings(node, "channels", path)) {
        channels.add(ContentChannel.parse(c));
      }
      Severity severity;
      try {
        severity = Severity.valueOf(text(node, "severity", path).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ValidationException(path + ".severity", "content.rule.severity", "severity is HIGH, MEDIUM or LOW");
      }
      return new AdRule(text(node, "id", path), node.path("title").asText(""), text(node, "law", path),
          text(node, "article", path), severity, text(node, "suggestion", path), channels,
          node.path("oncePerText").asBoolean(false), node.path("negationAware").asBoolean(true), patterns,
          strings(node, "exceptions", path));
    } catch (ValidationException e) {
      if (e.field().map(f -> f.startsWith("rules[")).orElse(false)) {
        throw e;
      }
      throw new ValidationException(path + "." + e.field().orElse("?"), e.reason(), "invalid rule at " + path);
    }
  }

  private static AdRule.Pattern pattern(JsonNode node, String path) {
    try {
      return newPattern(node, path);
    } catch (ValidationException e) {
      if (e.field().map(f -> f.startsWith("rules[")).orElse(false)) {
        throw e;
      }
      throw new ValidationException(path + "." + e.field().orElse("?"), e.reason(), "invalid pattern at " + path);
    }
  }

  private static AdRule.Pattern newPattern(JsonNode node, String path) {
    return new AdRule.Pattern(terms(node, path), strings(node, "followedBy", path),
        strings(node, "notFollowedBy", path), strings(node, "precededBy", path), strings(node, "notPrecededBy", path),
        window(node.get("nearby"), path + ".nearby"), window(node.get("notNearby"), path + ".notNearby"),
        number(node.get("number")), strings(node, "pageRequires", path), strings(node, "pageUnless", path),
        prefix(node.get("prefixedBy"), path + ".prefixedBy"));
  }

  /**
   * A pattern's terms: those listed, plus every combination of its {@code combine} lists (one word from each list,
   * in order), so a family such as [彻底, 完全] × [治好, 治愈] is written once and read as four terms.
   */
  private static List<String> terms(JsonNode node, String path) {
    List<String> terms = new ArrayList<>(strings(node, "terms", path));
    JsonNode combine = node.get("combine");
    if (combine == null || combine.isNull()) {
      return terms;
    }
    if (!combine.isArray()) {
      throw new ValidationException(path + ".combine", "content.rule_book.not_list", "combine must be a list of lists");
    }
    for (int i = 0; i < combine.size(); i++) {
      JsonNode family = combine.get(i);
      if (!family.isArray() || family.isEmpty()) {
        throw new ValidationException(path + ".combine[" + i + "]", "content.rule_book.not_list",
            "combine entries must be non-empty lists of word lists");
      }
      List<String> products = List.of("");
      for (int j = 0; j < family.size(); j++) {
        List<String> words = strings(family, j, path + ".combine[" + i + "][" + j + "]");
        if (words.isEmpty()) {
          throw new ValidationException(path + ".combine[" + i + "][" + j + "]", "content.rule_book.not_list",
              "each word list must be non-empty");
        }
        List<String> next = new ArrayList<>(products.size() * words.size());
        for (String head : products) {
          for (String w : words) {
            next.add(head + w);
          }
        }
        products = next;
      }
      terms.addAll(products);
    }
    return terms.stream().distinct().toList();
  }

  private static List<String> strings(JsonNode array, int index, String path) {
    JsonNode v = array.get(index);
    if (v == null || !v.isArray()) {
      throw new ValidationException(path, "content.rule_book.not_list", "must be a list");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isTextual() || e.asText().isEmpty()) {
        throw new ValidationException(path + "[" + i + "]", "content.rule_book.blank_term",
            "list entries must be non-empty text");
      }
      out.add(e.asText());
    }
    return out;
  }

  private static AdRule.Prefix prefix(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    return new AdRule.Prefix(strings(node, "terms", path), strings(node, "fillers", path));
  }

  private static AdRule.Window window(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    return new AdRule.Window(strings(node, "terms", path), node.path("window").asInt(0));
  }

  private static AdRule.NumberNearby number(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return new AdRule.NumberNearby(node.path("before").asInt(0), node.path("after").asInt(0),
        node.path("percent").asBoolean(false));
  }

  private static String text(JsonNode node, String name, String path) {
    JsonNode v = node.get(name);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new ValidationException(path + "." + name, "content.rule_book.required", name + " is required text");
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode node, String name, String path) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new ValidationException(path + "." + name, "content.rule_book.not_list", name + " must be a list");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isTextual() || e.asText().isEmpty()) {
        throw new ValidationException(path + "." + name + "[" + i + "]", "content.rule_book.blank_term",
            "list entries must be non-empty text");
      }
      out.add(e.asText());
    }
    return out;
  }

  public String version() {
    return version;
  }

  /** The laws and guidelines the rules cite. */
  public List<String> sources() {
    return sources;
  }

  public AdLexicon lexicon() {
    return lexicon;
  }

  public List<AdRule> rules() {
    return rules;
  }

  /** Which disguised spellings of the trigger terms are matched as well. */
  public SpellingVariants spellingVariants() {
    return spellingVariants;
  }

  /** Every distinct trigger term of every rule, in rule order (what a plain word filter would be loaded with). */
  public List<String> triggerTerms() {
    return rules.stream().flatMap(r -> r.triggerTerms().stream()).distinct().toList();
  }

  @Override
  public String toString() {
    return "AdRuleBook[version=" + version + ", rules=" + rules.size() + "]";
  }
}
