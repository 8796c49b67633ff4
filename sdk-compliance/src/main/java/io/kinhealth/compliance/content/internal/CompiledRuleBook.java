package io.kinhealth.compliance.content.internal;

import io.kinhealth.compliance.content.AdFinding;
import io.kinhealth.compliance.content.AdLexicon;
import io.kinhealth.compliance.content.AdRule;
import io.kinhealth.compliance.content.AdRuleBook;
import io.kinhealth.compliance.content.ContentChannel;
import io.kinhealth.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule book compiled for matching: every trigger term, exception, cue and lexicon word of every rule goes into one
 * Aho–Corasick automaton, so a review is one pass over the normalised text followed by context checks around each
 * trigger (which look only at nearby characters and at the matches the pass already found).
 *
 * <p>Immutable and thread-safe; a review allocates only its own match list.
 */
public final class CompiledRuleBook {
  /** Negators count only this close before a trigger (in characters, same clause). */
  private static final int NEGATION_REACH = 10;
  /** Quotation warnings may sit this far before the quoted sentence (a list introduced by a colon). */
  private static final int QUOTE_LOOKBACK = 60;
  private static final int SENTENCE_REACH = 160;

  private final AdRuleBook book;
  private final TextNormaliser normaliser;
  private final AhoCorasick automaton;
  private final List<String> terms = new ArrayList<>();
  private final Map<String, Integer> termIds = new HashMap<>();
  private final Rule[] rules;
  private final int[][] triggers;
  private final boolean[] negator;
  private final boolean[] breaker;
  private final boolean[] affirmer;
  private final boolean[] warning;
  private final boolean[] distancer;
  private final char[][] bridges;
  private final char[][] quantifiers;
  private final int maxTermLength;

  private static final class Rule {
    final AdRule source;
    final boolean[] exception;
    final Pattern[] patterns;

    Rule(AdRule source, boolean[] exception, Pattern[] patterns) {
      this.source = source;
      this.exception = exception;
      this.patterns = patterns;
    }
  }

  private static final class Pattern {
    char[][] followedBy;
    boolean followedByBoundary;
    char[][] notFollowedBy;
    boolean notFollowedByBoundary;
    char[][] precededBy;
    char[][] notPrecededBy;
    boolean[] nearby;
    int nearbyWindow;
    boolean[] notNearby;
    int notNearbyWindow;
    AdRule.NumberNearby number;
    int[] pageRequires;
    int[] pageUnless;
  }

  public CompiledRuleBook(AdRuleBook book, TextNormaliser normaliser) {
    this.book = book;
    this.normaliser = normaliser;
    List<List<Integer>> triggerRoles = new ArrayList<>();
    List<AdRule> sourceRules = book.rules();
    Pattern[][] compiledPatterns = new Pattern[sourceRules.size()][];
    List<int[]> exceptionIds = new ArrayList<>();
    for (int r = 0; r < sourceRules.size(); r++) {
      AdRule rule = sourceRules.get(r);
      String path = "rules[" + r + "]";
      compiledPatterns[r] = new Pattern[rule.patterns().size()];
      for (int p = 0; p < rule.patterns().size(); p++) {
        AdRule.Pattern pattern = rule.patterns().get(p);
        String pPath = path + ".patterns[" + p + "]";
        for (String t : pattern.terms()) {
          int id = intern(t, pPath + ".terms");
          while (triggerRoles.size() <= id) {
            triggerRoles.add(new ArrayList<>());
          }
          triggerRoles.get(id).add(r << 8 | p);
        }
        compiledPatterns[r][p] = compilePattern(pattern, pPath);
      }
      exceptionIds.add(internAll(rule.exceptions(), path + ".exceptions"));
    }
    AdLexicon lex = book.lexicon();
    int[] neg = internAll(lex.negators(), "lexicon.negators");
    int[] brk = internAll(lex.negationBreakers(), "lexicon.negationBreakers");
    int[] aff = internAll(lex.affirmers(), "lexicon.affirmers");
    int[] warn = internAll(lex.warnings(), "lexicon.warnings");
    int[] dist = internAll(lex.distancers(), "lexicon.distancers");
    this.bridges = chars(lex.negationBridges(), "lexicon.negationBridges");
    this.quantifiers = chars(lex.negationQuantifiers(), "lexicon.negationQuantifiers");

    int n = terms.size();
    this.negator = flags(n, neg);
    this.breaker = flags(n, brk);
    this.affirmer = flags(n, aff);
    this.warning = flags(n, warn);
    this.distancer = flags(n, dist);
    this.rules = new Rule[sourceRules.size()];
    for (int r = 0; r < rules.length; r++) {
      rules[r] = new Rule(sourceRules.get(r), flags(n, exceptionIds.get(r)), compiledPatterns[r]);
    }
    // Flags for cue sets were sized when they were built; widen them all to the final term count.
    for (Rule rule : rules) {
      for (Pattern p : rule.patterns) {
        p.nearby = widen(p.nearby, n);
        p.notNearby = widen(p.notNearby, n);
      }
    }
    this.triggers = new int[n][];
    for (int t = 0; t < n; t++) {
      List<Integer> roles = t < triggerRoles.size() ? triggerRoles.get(t) : List.of();
      triggers[t] = roles.stream().mapToInt(Integer::intValue).toArray();
    }
    this.automaton = new AhoCorasick(terms);
    this.maxTermLength = terms.stream().mapToInt(String::length).max().orElse(1);
  }

  private Pattern compilePattern(AdRule.Pattern source, String path) {
    Pattern p = new Pattern();
    p.followedBy = chars(without(source.followedBy()), path + ".followedBy");
    p.followedByBoundary = source.followedBy().contains("$BOUNDARY");
    p.notFollowedBy = chars(without(source.notFollowedBy()), path + ".notFollowedBy");
    p.notFollowedByBoundary = source.notFollowedBy().contains("$BOUNDARY");
    p.precededBy = chars(source.precededBy(), path + ".precededBy");
    p.notPrecededBy = chars(source.notPrecededBy(), path + ".notPrecededBy");
    if (source.nearby() != null) {
      p.nearby = flagsOf(internAll(source.nearby().terms(), path + ".nearby.terms"));
      p.nearbyWindow = source.nearby().window();
    }
    if (source.notNearby() != null) {
      p.notNearby = flagsOf(internAll(source.notNearby().terms(), path + ".notNearby.terms"));
      p.notNearbyWindow = source.notNearby().window();
    }
    p.number = source.number();
    p.pageRequires = internAll(source.pageRequires(), path + ".pageRequires");
    p.pageUnless = internAll(source.pageUnless(), path + ".pageUnless");
    return p;
  }

  private static List<String> without(List<String> list) {
    return list.stream().filter(s -> !s.equals("$BOUNDARY")).toList();
  }

  private char[][] chars(List<String> list, String field) {
    char[][] out = new char[list.size()][];
    for (int i = 0; i < out.length; i++) {
      String s = normaliser.normaliseTerm(list.get(i));
      if (s.isEmpty()) {
        throw new ValidationException(field + "[" + i + "]", "content.rule_book.blank_term",
            "a term must keep at least one character after normalisation");
      }
      out[i] = s.toCharArray();
    }
    return out;
  }

  private int intern(String raw, String field) {
    String term = normaliser.normaliseTerm(raw);
    if (term.isEmpty()) {
      throw new ValidationException(field, "content.rule_book.blank_term",
          "a term must keep at least one character after normalisation");
    }
    Integer id = termIds.get(term);
    if (id == null) {
      id = terms.size();
      terms.add(term);
      termIds.put(term, id);
    }
    return id;
  }

  private int[] internAll(List<String> list, String field) {
    int[] ids = new int[list.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = intern(list.get(i), field + "[" + i + "]");
    }
    return ids;
  }

  private static boolean[] flags(int n, int[] ids) {
    boolean[] f = new boolean[n];
    for (int id : ids) {
      f[id] = true;
    }
    return f;
  }

  private static boolean[] flagsOf(int[] ids) {
    int max = Arrays.stream(ids).max().orElse(0);
    return flags(max + 1, ids);
  }

  private static boolean[] widen(boolean[] f, int n) {
    return f == null ? null : Arrays.copyOf(f, n);
  }

  public AdRuleBook book() {
    return book;
  }

  public TextNormaliser normaliser() {
    return normaliser;
  }

  /** Number of distinct terms in the automaton (triggers, exceptions, cues and lexicon words). */
  public int termCount() {
    return terms.size();
  }

  /** Every match of the single automaton pass, ordered by end offset. */
  private static final class Matches {
    int[] term = new int[16];
    int[] start = new int[16];
    int[] end = new int[16];
    int size;

    void add(int t, int s, int e) {
      if (size == term.length) {
        term = Arrays.copyOf(term, size * 2);
        start = Arrays.copyOf(start, size * 2);
        end = Arrays.copyOf(end, size * 2);
      }
      term[size] = t;
      start[size] = s;
      end[size] = e;
      size++;
    }

    /** Index of the first match whose end is at least {@code e}. */
    int firstEndingAtOrAfter(int e) {
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (end[mid] < e) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  private record Hit(int rule, int start, int end) {}

  /** Reviews normalised text and returns findings with spans in the original text. */
  public List<AdFinding> review(NormalisedText text, ContentChannel channel) {
    Matches m = new Matches();
    boolean[] seen = new boolean[terms.size()];
    automaton.scan(text.chars, text.length, (pattern, end) -> {
      m.add(pattern, end - automaton.length(pattern), end);
      seen[pattern] = true;
    });
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < m.size; i++) {
      int[] roles = triggers[m.term[i]];
      for (int role : roles) {
        int r = role >>> 8;
        Rule rule = rules[r];
        if (!rule.source.appliesTo(channel)) {
          continue;
        }
        int s = m.start[i];
        int e = m.end[i];
        Pattern pattern = rule.patterns[role & 0xFF];
        if (insideException(m, rule.exception, s, e)
            || !conditionsHold(pattern, text, m, seen, s, e)
            || (rule.source.negationAware() && negated(text, m, s, e))) {
          continue;
        }
        if (pattern.number != null) {
          // The figure is part of the claim: report 治愈率高达95% rather than 治愈率 alone.
          long span = spanWithFigure(text.chars, text.length, s, e, pattern.number);
          s = (int) (span >>> 32);
          e = (int) span;
        }
        hits.add(new Hit(r, s, e));
      }
    }
    return findings(text, hits);
  }

  private List<AdFinding> findings(NormalisedText text, List<Hit> hits) {
    hits.sort(Comparator.comparingInt(Hit::rule).thenComparingInt(Hit::start).thenComparingInt(h -> -h.end()));
    List<AdFinding> out = new ArrayList<>();
    Hit kept = null;
    boolean ruleDone = false;
    for (Hit h : hits) {
      if (kept != null && kept.rule() == h.rule()) {
        if (ruleDone) {
          continue;
        }
        if (h.start() < kept.end()) {
          // Overlapping triggers of one rule are one finding over their union (比三甲 + 三甲医院 = 比三甲医院).
          kept = new Hit(kept.rule(), kept.start(), Math.max(kept.end(), h.end()));
          continue;
        }
        out.add(finding(text, kept));
        kept = h;
        continue;
      }
      if (kept != null && !ruleDone) {
        out.add(finding(text, kept));
      }
      kept = h;
      ruleDone = false;
      if (rules[h.rule()].source.oncePerText()) {
        out.add(finding(text, h));
        ruleDone = true;
      }
    }
    if (kept != null && !ruleDone) {
      out.add(finding(text, kept));
    }
    out.sort(Comparator.comparingInt(AdFinding::start).thenComparing(AdFinding::ruleId));
    return out;
  }

  private AdFinding finding(NormalisedText text, Hit h) {
    AdRule rule = rules[h.rule()].source;
    int start = text.originalStart(h.start());
    int end = text.originalEnd(h.end());
    return new AdFinding(rule.id(), rule.law(), rule.article(), rule.severity(), start, end,
        text.original().substring(start, end), rule.suggestion());
  }

  private boolean insideException(Matches m, boolean[] exception, int s, int e) {
    for (int i = m.firstEndingAtOrAfter(e); i < m.size && m.end[i] <= s + maxTermLength; i++) {
      if (exception[m.term[i]] && m.start[i] <= s) {
        return true;
      }
    }
    return false;
  }

  private boolean conditionsHold(Pattern p, NormalisedText text, Matches m, boolean[] seen, int s, int e) {
    char[] c = text.chars;
    int n = text.length;
    if ((p.followedBy.length > 0 || p.followedByBoundary)
        && !(startsWithAny(c, n, e, p.followedBy) || (p.followedByBoundary && boundaryAt(c, n, e)))) {
      return false;
    }
    if (startsWithAny(c, n, e, p.notFollowedBy) || (p.notFollowedByBoundary && boundaryAt(c, n, e))) {
      return false;
    }
    if (p.precededBy.length > 0 && !endsWithAny(c, s, p.precededBy)) {
      return false;
    }
    if (endsWithAny(c, s, p.notPrecededBy)) {
      return false;
    }
    if (p.pageRequires.length > 0 && !anySeen(seen, p.pageRequires)) {
      return false;
    }
    if (anySeen(seen, p.pageUnless)) {
      return false;
    }
    if (p.number != null && !numberNear(c, n, s, e, p.number)) {
      return false;
    }
    if (p.nearby != null && !termNear(text, m, p.nearby, p.nearbyWindow, s, e)) {
      return false;
    }
    return p.notNearby == null || !termNear(text, m, p.notNearby, p.notNearbyWindow, s, e);
  }

  private static boolean anySeen(boolean[] seen, int[] ids) {
    for (int id : ids) {
      if (seen[id]) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(char[] c, int n, int at, char[][] options) {
    for (char[] o : options) {
      if (at + o.length <= n && Arrays.equals(c, at, at + o.length, o, 0, o.length)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithAny(char[] c, int at, char[][] options) {
    for (char[] o : options) {
      if (at - o.length >= 0 && Arrays.equals(c, at - o.length, at, o, 0, o.length)) {
        return true;
      }
    }
    return false;
  }

  /** End of text, or a character that is neither a letter nor a digit (punctuation, quotes, emoji). */
  private static boolean boundaryAt(char[] c, int n, int at) {
    return at >= n || !Character.isLetterOrDigit(c[at]);
  }

  static boolean sentenceEnd(char c) {
    return c == '\u3002' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '\u2026';
  }

  static boolean clauseEnd(char c) {
    return sentenceEnd(c) || c == ',' || c == '\uFF64';
  }

  private static int sentenceStart(char[] c, int from) {
    int i = from;
    while (i > 0 && from - i < SENTENCE_REACH && !sentenceEnd(c[i - 1])) {
      i--;
    }
    return i;
  }

  private static int sentenceEndAfter(char[] c, int n, int from) {
    int i = from;
    while (i < n && i - from < SENTENCE_REACH && !sentenceEnd(c[i])) {
      i++;
    }
    return i;
  }

  private static int clauseStart(char[] c, int from) {
    int i = from;
    while (i > 0 && from - i < SENTENCE_REACH && !clauseEnd(c[i - 1])) {
      i--;
    }
    return i;
  }

  private static int clauseEndAfter(char[] c, int n, int from) {
    int i = from;
    while (i < n && i - from < SENTENCE_REACH && !clauseEnd(c[i])) {
      i++;
    }
    return i;
  }

  private static boolean numeral(char ch) {
    return (ch >= '0' && ch <= '9') || "零〇一二两三四五六七八九十百千万亿半".indexOf(ch) >= 0;
  }

  private static boolean numberNear(char[] c, int n, int s, int e, AdRule.NumberNearby rule) {
    return lastFigureBefore(c, s, rule) >= 0 || firstFigureAfter(c, n, e, rule) >= 0;
  }

  /** The trigger's span widened to the figure next to it (the nearer side first). */
  private static long spanWithFigure(char[] c, int n, int s, int e, AdRule.NumberNearby rule) {
    int after = firstFigureAfter(c, n, e, rule);
    if (after >= 0) {
      int end = after;
      while (end < n && (numeral(c[end]) || c[end] == '.' || c[end] == '%' || c[end] == '\u2030'
          || c[end] == '\u6210' || c[end] == '\u4E4B')) {
        end++;
      }
      return ((long) s << 32) | end;
    }
    int before = lastFigureBefore(c, s, rule);
    int start = before;
    while (start > 0 && (numeral(c[start - 1]) || c[start - 1] == '.' || c[start - 1] == '\u5206'
        || c[start - 1] == '\u4E4B')) {
      start--;
    }
    return ((long) Math.min(start, s) << 32) | e;
  }

  // A figure counts only within the same clause: 患病率为27.5%，... says nothing about the next clause's claim.
  private static int firstFigureAfter(char[] c, int n, int e, AdRule.NumberNearby rule) {
    int hi = Math.min(clauseEndAfter(c, n, e), e + rule.after());
    for (int j = e; j < hi; j++) {
      if (figureAt(c, j, rule.percent())) {
        return j;
      }
    }
    return -1;
  }

  private static int lastFigureBefore(char[] c, int s, AdRule.NumberNearby rule) {
    int lo = Math.max(clauseStart(c, s), s - rule.before());
    for (int j = s - 1; j >= lo; j--) {
      if (figureAt(c, j, rule.percent())) {
        return j;
      }
    }
    return -1;
  }

  /**
   * Whether a figure is at {@code j}: any numeral, or with {@code percent} a percentage sign or 成 right after a
   * numeral (95%, 九成) or the 百 of 百分之. For a percentage the returned position is the sign, so a span widened
   * from it takes in the digits before.
   */
  private static boolean figureAt(char[] c, int j, boolean percent) {
    char ch = c[j];
    if (!percent) {
      return numeral(ch);
    }
    if ((ch == '%' || ch == '\u2030' || ch == '\u6210') && j > 0 && numeral(c[j - 1])) {
      return true;
    }
    return ch == '\u767E' && j + 2 < c.length && c[j + 1] == '\u5206' && c[j + 2] == '\u4E4B';
  }

  private boolean termNear(NormalisedText text, Matches m, boolean[] wanted, int window, int s, int e) {
    char[] c = text.chars;
    int lo = Math.max(sentenceStart(c, s), s - window);
    int hi = Math.min(sentenceEndAfter(c, text.length, e), e + window);
    for (int i = m.firstEndingAtOrAfter(lo); i < m.size && m.end[i] <= hi; i++) {
      int t = m.term[i];
      // A cue must stand beside the trigger, not overlap it (手术前后 is not 术前 next to 前后).
      if (wanted[t] && m.start[i] >= lo && (m.end[i] <= s || m.start[i] >= e)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the trigger at [s, e) is negated, attributed to someone else, or quoted in a warning. */
  private boolean negated(NormalisedText text, Matches m, int s, int e) {
    char[] c = text.chars;
    int clause = clauseStart(c, s);
    int clauseEnd = clauseEndAfter(c, text.length, e);
    // A warning or distancing word earlier in the clause (警惕宣称根治的广告), or a warning later in it.
    for (int i = m.firstEndingAtOrAfter(clause); i < m.size && m.end[i] <= clauseEnd; i++) {
      int t = m.term[i];
      boolean before = m.start[i] >= clause && m.end[i] <= s;
      boolean after = m.start[i] >= e;
      if ((before && (warning[t] || distancer[t])) || (after && warning[t])) {
        return true;
      }
    }
    if (quoted(c, s) && warnedAround(m, c, text.length, s, e)) {
      return true;
    }
    // A negator shortly before, joined to the trigger directly or through a bridge word (无法彻底根治).
    int from = Math.max(clause, s - NEGATION_REACH);
    for (int i = m.firstEndingAtOrAfter(from); i < m.size && m.end[i] <= s; i++) {
      if (!negator[m.term[i]] || m.start[i] < clause || broken(m, m.start[i], m.end[i])) {
        continue;
      }
      int gapStart = m.end[i];
      if (affirmedBetween(m, gapStart, s)) {
        continue;
      }
      if (onlyQuotes(c, gapStart, s) || bridgeWithin(c, gapStart, s) || startsWithAny(c, s, gapStart, quantifiers)) {
        return true;
      }
    }
    return false;
  }

  /** An empty gap, or one holding only quotation marks (而不是“根治”). */
  private static boolean onlyQuotes(char[] c, int from, int to) {
    for (int i = from; i < to; i++) {
      if ("\u201C\u2018\u300C\u300E\"'".indexOf(c[i]) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The bridge that ends the gap must lie inside the gap, not reach back over the negator. */
  private boolean bridgeWithin(char[] c, int gapStart, int s) {
    for (char[] b : bridges) {
      if (s - b.length >= gapStart && Arrays.equals(c, s - b.length, s, b, 0, b.length)) {
        return true;
      }
    }
    return false;
  }

  private boolean broken(Matches m, int ns, int ne) {
    for (int i = m.firstEndingAtOrAfter(ne); i < m.size && m.end[i] <= ns + maxTermLength; i++) {
      if (breaker[m.term[i]] && m.start[i] <= ns) {
        return true;
      }
    }
    return false;
  }

  private boolean affirmedBetween(Matches m, int from, int to) {
    for (int i = m.firstEndingAtOrAfter(from); i < m.size && m.end[i] <= to; i++) {
      if (affirmer[m.term[i]] && m.start[i] >= from) {
        return true;
      }
    }
    return false;
  }

  private static boolean quoted(char[] c, int s) {
    int start = sentenceStart(c, s);
    int ascii = 0;
    for (int i = s - 1; i >= start; i--) {
      char ch = c[i];
      if (ch == '\u201D' || ch == '\u2019' || ch == '\u300D' || ch == '\u300F' || ch == '\u300B') {
        return false;
      }
      if (ch == '\u201C' || ch == '\u2018' || ch == '\u300C' || ch == '\u300E' || ch == '\u300A') {
        return true;
      }
      if (ch == '"' || ch == '\'') {
        ascii++;
      }
    }
    return ascii % 2 == 1;
  }

  private boolean warnedAround(Matches m, char[] c, int n, int s, int e) {
    int lo = Math.max(0, sentenceStart(c, s) - QUOTE_LOOKBACK);
    int hi = sentenceEndAfter(c, n, e);
    for (int i = m.firstEndingAtOrAfter(lo); i < m.size && m.end[i] <= hi; i++) {
      int t = m.term[i];
      if ((warning[t] || distancer[t]) && m.start[i] >= lo) {
        return true;
      }
    }
    return false;
  }
}
