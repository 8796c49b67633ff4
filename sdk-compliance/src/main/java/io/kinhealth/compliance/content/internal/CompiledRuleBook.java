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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  /** Per trigger role: whether one of the rule's exceptions contains the term, so the exception check can matter. */
  private final boolean[][] exceptionMayCover;
  private final boolean[] negator;
  private final boolean[] breaker;
  private final boolean[] affirmer;
  private final boolean[] warning;
  private final boolean[] distancer;
  private final boolean[] disclaimer;
  private final int[] disclaimerSlots;
  /**
   * Per term, its slot in a review's "seen on the page" flags, or -1: only cues read at page level (page conditions,
   * prefilters, disclaimers) get one, so a review of a short text does not clear a flag for every generated spelling.
   */
  private final int[] seenSlot;
  private final int seenSlots;
  /** Generated spellings whose Latin letters or digits at either end must not run on into more of them. */
  private final boolean[] guarded;
  private final char[][] bridges;
  private final char[][] quantifiers;
  private final int maxTermLength;
  /** Terms whose positions context checks read; the others (page-level cues) are only marked as seen. */
  private final boolean[] positional;
  /**
   * What the automaton's callback and the trigger loop need about a term, in one int so a match costs one load:
   * bit 0 positional, bit 1 trigger, bits 2–9 length, bits 10 and up the seen-flag slot plus one (0: none).
   */
  private final int[] matchInfo;
  /** Each rule's rank in rule-id order, to sort findings by position then rule id without comparators. */
  private final int[] ruleRank;
  /** Per channel (by ordinal), whether each rule is checked there: answered once, not on every review. */
  private final boolean[][] appliesOn;

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
    char[][] prefixes;
    char[][] prefixFillers;
    char[][] followedBy;
    boolean followedByBoundary;
    char[][] notFollowedBy;
    boolean notFollowedByBoundary;
    char[][] precededBy;
    char[][] notPrecededBy;
    boolean[] nearby;
    int[] nearbyIds;
    int[] nearbySlots;
    int nearbyWindow;
    boolean[] notNearby;
    int[] notNearbyIds;
    int[] notNearbySlots;
    int notNearbyWindow;
    AdRule.NumberNearby number;
    /** Seen-flag slots (not term ids) of the page-level cues. */
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
    int[] disc = internAll(lex.disclaimers(), "lexicon.disclaimers");
    this.bridges = chars(lex.negationBridges(), "lexicon.negationBridges");
    this.quantifiers = chars(lex.negationQuantifiers(), "lexicon.negationQuantifiers");

    int written = terms.size();
    if (book.spellingVariants().any()) {
      addDisguisedSpellings(sourceRules, triggerRoles);
    }
    int n = terms.size();
    this.guarded = new boolean[n];
    for (int t = written; t < n; t++) {
      String term = terms.get(t);
      guarded[t] = latinOrDigit(term.charAt(0)) || latinOrDigit(term.charAt(term.length() - 1));
    }
    this.disclaimer = flags(n, disc);
    this.seenSlot = new int[n];
    Arrays.fill(seenSlot, -1);
    int[] slots = {0};
    this.disclaimerSlots = toSlots(disc, seenSlot, slots);
    for (Pattern[] ps : compiledPatterns) {
      for (Pattern p : ps) {
        p.pageRequires = toSlots(p.pageRequires, seenSlot, slots);
        p.pageUnless = toSlots(p.pageUnless, seenSlot, slots);
        p.nearbySlots = p.nearbyIds == null ? null : toSlots(p.nearbyIds, seenSlot, slots);
        p.notNearbySlots = p.notNearbyIds == null ? null : toSlots(p.notNearbyIds, seenSlot, slots);
      }
    }
    this.seenSlots = slots[0];
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
    this.exceptionMayCover = new boolean[n][];
    for (int t = 0; t < n; t++) {
      exceptionMayCover[t] = new boolean[triggers[t].length];
      for (int k = 0; k < triggers[t].length; k++) {
        AdRule rule = sourceRules.get(triggers[t][k] >>> 8);
        String term = terms.get(t);
        exceptionMayCover[t][k] = rule.exceptions().stream().map(normaliser::normaliseTerm).anyMatch(x -> x.contains(term));
      }
    }
    this.automaton = new AhoCorasick(terms);
    this.maxTermLength = terms.stream().mapToInt(String::length).max().orElse(1);
    this.positional = new boolean[n];
    for (int t = 0; t < n; t++) {
      positional[t] = triggers[t].length > 0 || negator[t] || breaker[t] || affirmer[t] || warning[t] || distancer[t]
          || disclaimer[t];
    }
    for (Rule rule : rules) {
      for (int t = 0; t < n; t++) {
        positional[t] |= rule.exception[t];
      }
      for (Pattern p : rule.patterns) {
        for (int t = 0; t < n; t++) {
          positional[t] |= (p.nearby != null && p.nearby[t]) || (p.notNearby != null && p.notNearby[t]);
        }
      }
    }
    this.matchInfo = new int[n];
    for (int t = 0; t < n; t++) {
      int length = terms.get(t).length();
      if (length > 255) {
        throw new ValidationException("terms", "content.rule_book.term_too_long", "a term has at most 255 characters");
      }
      matchInfo[t] = (positional[t] ? 1 : 0) | (triggers[t].length > 0 ? 2 : 0) | length << 2
          | (seenSlot[t] + 1) << 10;
    }
    Integer[] order = new Integer[rules.length];
    for (int r = 0; r < order.length; r++) {
      order[r] = r;
    }
    Arrays.sort(order, Comparator.comparing(r -> rules[r].source.id()));
    this.ruleRank = new int[rules.length];
    for (int i = 0; i < order.length; i++) {
      ruleRank[order[i]] = i;
    }
    if (rules.length > 255) {
      throw new ValidationException("rules", "content.rule_book.too_many_rules", "a rule book has at most 255 rules");
    }
    ContentChannel[] channels = ContentChannel.values();
    this.appliesOn = new boolean[channels.length][rules.length];
    for (ContentChannel channel : channels) {
      for (int r = 0; r < rules.length; r++) {
        appliesOn[channel.ordinal()][r] = rules[r].source.appliesTo(channel);
      }
    }
  }

  /**
   * Adds every disguised spelling of the trigger terms as a term of its own with the same rule and pattern. Only
   * terms that are a breach on their own (at most with a figure, a prefix or what stands right next to them) are
   * disguised: copywriters hide 根治 or 无效退款 from filters, not ordinary words such as 医院 or 推荐 that count only
   * beside a cue, and spelling those out would only slow the pass. A spelling that is already a term (a trigger, cue,
   * exception or lexicon word as written) is skipped, so a generated spelling never changes what a written term
   * means.
   */
  private void addDisguisedSpellings(List<AdRule> sourceRules, List<List<Integer>> triggerRoles) {
    DisguisedSpellings spellings = DisguisedSpellings.standard();
    Set<String> written = new HashSet<>(terms);
    for (int r = 0; r < sourceRules.size(); r++) {
      List<AdRule.Pattern> patterns = sourceRules.get(r).patterns();
      for (int p = 0; p < patterns.size(); p++) {
        if (patterns.get(p).nearby() != null) {
          continue;
        }
        for (String raw : patterns.get(p).terms()) {
          for (String variant : spellings.of(normaliser.normaliseTerm(raw), book.spellingVariants())) {
            if (written.contains(variant)) {
              continue;
            }
            int id = intern(variant, "spellingVariants");
            while (triggerRoles.size() <= id) {
              triggerRoles.add(new ArrayList<>());
            }
            if (!triggerRoles.get(id).contains(r << 8 | p)) {
              triggerRoles.get(id).add(r << 8 | p);
            }
          }
        }
      }
    }
  }

  /** The seen-flag slots of {@code ids}, giving each term its slot on first use ({@code next[0]} is the next free). */
  private static int[] toSlots(int[] ids, int[] seenSlot, int[] next) {
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      if (seenSlot[ids[i]] < 0) {
        seenSlot[ids[i]] = next[0]++;
      }
      out[i] = seenSlot[ids[i]];
    }
    return out;
  }

  private static boolean latinOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  /** A generated spelling stands alone: tui in 无效tui款, not in tuition; 1 in 第1, not in 第12. */
  private boolean standsAlone(int term, char[] c, int n, int s, int e) {
    if (!guarded[term]) {
      return true;
    }
    String t = terms.get(term);
    char first = t.charAt(0);
    char last = t.charAt(t.length() - 1);
    if (latinOrDigit(first) && s > 0 && sameKind(first, c[s - 1])) {
      return false;
    }
    return !(latinOrDigit(last) && e < n && sameKind(last, c[e]));
  }

  private static boolean sameKind(char a, char b) {
    boolean digitA = a >= '0' && a <= '9';
    boolean digitB = b >= '0' && b <= '9';
    boolean letterB = b >= 'a' && b <= 'z';
    return digitA ? digitB || b == '.' : letterB;
  }

  private Pattern compilePattern(AdRule.Pattern source, String path) {
    Pattern p = new Pattern();
    if (source.prefixedBy() != null) {
      p.prefixes = chars(source.prefixedBy().terms(), path + ".prefixedBy.terms");
      p.prefixFillers = chars(source.prefixedBy().fillers(), path + ".prefixedBy.fillers");
    }
    p.followedBy = chars(without(source.followedBy()), path + ".followedBy");
    p.followedByBoundary = source.followedBy().contains("$BOUNDARY");
    p.notFollowedBy = chars(without(source.notFollowedBy()), path + ".notFollowedBy");
    p.notFollowedByBoundary = source.notFollowedBy().contains("$BOUNDARY");
    p.precededBy = chars(source.precededBy(), path + ".precededBy");
    p.notPrecededBy = chars(source.notPrecededBy(), path + ".notPrecededBy");
    if (source.nearby() != null) {
      p.nearbyIds = internAll(source.nearby().terms(), path + ".nearby.terms");
      p.nearby = flagsOf(p.nearbyIds);
      p.nearbyWindow = source.nearby().window();
    }
    if (source.notNearby() != null) {
      p.notNearbyIds = internAll(source.notNearby().terms(), path + ".notNearby.terms");
      p.notNearby = flagsOf(p.notNearbyIds);
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

  /** Every match of the single automaton pass that context checks may need, ordered by end offset. */
  private static final class Matches {
    int[] term;
    int[] start;
    int[] end;
    int size;

    Matches(int capacity) {
      term = new int[capacity];
      start = new int[capacity];
      end = new int[capacity];
    }

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

    /**
     * Index of the first match whose end is at least {@code e}, searched outwards from {@code hint} (the trigger
     * being checked): every query is near the trigger, so galloping from it beats a search over the whole list.
     */
    int firstEndingAtOrAfter(int e, int hint) {
      int lo;
      int hi;
      if (hint >= size || end[hint] >= e) {
        hi = Math.min(hint, size);
        int step = 1;
        lo = hi - 1;
        while (lo >= 0 && end[lo] >= e) {
          hi = lo;
          lo = hi - step;
          step <<= 1;
        }
        lo = Math.max(lo + 1, 0);
      } else {
        lo = hint + 1;
        int step = 1;
        hi = lo;
        while (hi < size && end[hi] < e) {
          lo = hi + 1;
          hi = lo + step;
          step <<= 1;
        }
        hi = Math.min(hi, size);
      }
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

  /**
   * Finds the sentence (or clause) around a trigger, at most {@link #SENTENCE_REACH} characters either way, and
   * remembers the last one whose both ends it actually reached: the next triggers, taken in text order, mostly fall
   * in the same sentence, and their bounds then cost nothing. The answers are the same as scanning every time.
   */
  private static final class Units {
    private final boolean clause;
    private int knownStart = -1;
    private int knownEnd = -1;

    Units(boolean clause) {
      this.clause = clause;
    }

    private boolean boundary(char ch) {
      return clause ? isClauseEnd(ch) : isSentenceEnd(ch);
    }

    private boolean known(Scan scan) {
      return knownStart >= 0 && knownStart <= scan.s && scan.e <= knownEnd;
    }

    int start(Scan scan) {
      if (known(scan)) {
        return Math.max(knownStart, scan.s - SENTENCE_REACH);
      }
      int i = scan.s;
      while (i > 0 && scan.s - i < SENTENCE_REACH && !boundary(scan.c[i - 1])) {
        i--;
      }
      if (i == 0 || boundary(scan.c[i - 1])) {
        remember(scan, i);
      }
      return i;
    }

    int end(Scan scan) {
      if (known(scan)) {
        return Math.min(knownEnd, scan.e + SENTENCE_REACH);
      }
      int i = scan.e;
      while (i < scan.n && i - scan.e < SENTENCE_REACH && !boundary(scan.c[i])) {
        i++;
      }
      if (i == scan.n || boundary(scan.c[i])) {
        // Both ends are known once the start is too: scan back to it (bounded, and only once per unit).
        int j = scan.s;
        while (j > 0 && scan.s - j < SENTENCE_REACH && !boundary(scan.c[j - 1])) {
          j--;
        }
        if ((j == 0 || boundary(scan.c[j - 1])) && clean(scan, scan.s, scan.e)) {
          knownStart = j;
          knownEnd = i;
        }
      }
      return i;
    }

    private void remember(Scan scan, int start) {
      int i = scan.e;
      while (i < scan.n && i - scan.e < SENTENCE_REACH && !boundary(scan.c[i])) {
        i++;
      }
      if ((i == scan.n || boundary(scan.c[i])) && clean(scan, scan.s, scan.e)) {
        knownStart = start;
        knownEnd = i;
      }
    }

    private boolean clean(Scan scan, int from, int to) {
      for (int k = from; k < to; k++) {
        if (boundary(scan.c[k])) {
          return false;
        }
      }
      return true;
    }
  }

  /** The state of one review: the text, the matches, and the sentence and clause around the trigger in hand. */
  private final class Scan {
    final char[] c;
    final int n;
    final Matches m;
    final boolean[] seen;
    /**
     * Indexes into {@link #m} of the warning and distancing matches, so in end order: the checks that look only for
     * those walk this short list instead of every match around the trigger.
     */
    int[] warnings = new int[8];
    int warningCount;
    int hint;
    int s;
    int e;
    private int sentenceStart;
    private int sentenceEnd;
    private int clauseStart;
    private int clauseEnd;
    private final Units sentences = new Units(false);
    private final Units clauses = new Units(true);

    Scan(NormalisedText text) {
      this.c = text.chars;
      this.n = text.length;
      this.m = new Matches(Math.max(16, n / 4));
      this.seen = new boolean[seenSlots];
    }

    void at(int index, int start, int end) {
      hint = index;
      s = start;
      e = end;
      sentenceStart = -1;
      sentenceEnd = -1;
      clauseStart = -1;
      clauseEnd = -1;
    }

    int sentenceStart() {
      if (sentenceStart < 0) {
        sentenceStart = sentences.start(this);
      }
      return sentenceStart;
    }

    int sentenceEnd() {
      if (sentenceEnd < 0) {
        sentenceEnd = sentences.end(this);
      }
      return sentenceEnd;
    }

    int clauseStart() {
      if (clauseStart < 0) {
        clauseStart = clauses.start(this);
      }
      return clauseStart;
    }

    int clauseEnd() {
      if (clauseEnd < 0) {
        clauseEnd = clauses.end(this);
      }
      return clauseEnd;
    }

    /** The sentence's start, or {@code floor} if the sentence starts before it. */
    int sentenceStartFrom(int floor) {
      if (sentenceStart >= 0) {
        return Math.max(sentenceStart, floor);
      }
      if (sentences.known(this)) {
        return Math.max(sentences.knownStart, floor);
      }
      int i = s;
      while (i > floor && !isSentenceEnd(c[i - 1])) {
        i--;
      }
      return i;
    }

    /** The sentence's end, or {@code ceiling} if the sentence ends after it. */
    int sentenceEndUpTo(int ceiling) {
      if (sentenceEnd >= 0) {
        return Math.min(sentenceEnd, ceiling);
      }
      if (sentences.known(this)) {
        return Math.min(sentences.knownEnd, ceiling);
      }
      int i = e;
      while (i < ceiling && !isSentenceEnd(c[i])) {
        i++;
      }
      return i;
    }

    int first(int endAtLeast) {
      return m.firstEndingAtOrAfter(endAtLeast, hint);
    }

    /** Notes the warning and distancing matches once the pass is done (matches come in end order). */
    void indexWarnings(boolean[] warning, boolean[] distancer) {
      for (int i = 0; i < m.size; i++) {
        int t = m.term[i];
        if (warning[t] || distancer[t]) {
          if (warningCount == warnings.length) {
            warnings = Arrays.copyOf(warnings, warningCount * 2);
          }
          warnings[warningCount++] = i;
        }
      }
    }

    /** Position in {@link #warnings} of the first one ending at or after {@code e} ({@code warningCount}: none). */
    int firstWarningEndingAtOrAfter(int e) {
      int lo = 0;
      int hi = warningCount;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (m.end[warnings[mid]] < e) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** Whether a warning or distancing match ends within {@code [lo, hi]}. */
    boolean warningEndingIn(int lo, int hi) {
      int at = firstWarningEndingAtOrAfter(lo);
      return at < warningCount && m.end[warnings[at]] <= hi;
    }
  }

  /** Reviews normalised text and returns findings with spans in the original text. */
  public List<AdFinding> review(NormalisedText text, ContentChannel channel) {
    Scan scan = new Scan(text);
    Matches m = scan.m;
    boolean[] seen = scan.seen;
    automaton.scan(text.chars, text.length, (pattern, end) -> {
      int info = matchInfo[pattern];
      if (info >>> 10 != 0) {
        seen[(info >>> 10) - 1] = true;
      }
      if ((info & 1) != 0) {
        m.add(pattern, end - (info >>> 2 & 0xFF), end);
      }
    });
    scan.indexWarnings(warning, distancer);
    long[] hits = new long[16];
    int hitCount = 0;
    boolean[] applies = appliesOn[channel.ordinal()];
    boolean anyDisclaimer = anySeen(seen, disclaimerSlots);
    for (int i = 0; i < m.size; i++) {
      if ((matchInfo[m.term[i]] & 2) == 0) {
        continue; // a cue, exception or lexicon word: read by the checks, never a finding by itself
      }
      int[] roles = triggers[m.term[i]];
      for (int k = 0; k < roles.length; k++) {
        int role = roles[k];
        int r = role >>> 8;
        if (!applies[r]) {
          continue;
        }
        Rule rule = rules[r];
        if (!standsAlone(m.term[i], text.chars, text.length, m.start[i], m.end[i])) {
          continue;
        }
        scan.at(i, m.start[i], m.end[i]);
        Pattern pattern = rule.patterns[role & 0xFF];
        if ((exceptionMayCover[m.term[i]][k] && insideException(scan, rule.exception))
            || !conditionsHold(pattern, scan)) {
          continue;
        }
        if (pattern.prefixes != null) {
          // The claim starts at its prefix (没有任何副作用): negation is read before the prefix, not inside it.
          scan.at(i, prefixStart(pattern, scan), m.end[i]);
        }
        if ((rule.source.negationAware() && negated(scan)) || (anyDisclaimer && disclaimed(scan))) {
          continue;
        }
        int s = scan.s;
        int e = scan.e;
        if (pattern.number != null) {
          // The figure is part of the claim: report 治愈率高达95% rather than 治愈率 alone.
          int after = firstFigureAfter(scan, pattern.number);
          if (after >= 0) {
            e = figureEnd(scan.c, scan.n, after);
          } else {
            s = Math.min(s, figureStart(scan.c, lastFigureBefore(scan, pattern.number)));
          }
        }
        if (hitCount == hits.length) {
          hits = Arrays.copyOf(hits, hitCount * 2);
        }
        // rule, start, then longer spans first: one sort of primitives instead of a comparator chain
        hits[hitCount++] = ((long) r << 55) | ((long) s << 31) | (Integer.MAX_VALUE - e);
      }
    }
    return findings(text, hits, hitCount);
  }

  private static int hitRule(long h) {
    return (int) (h >>> 55);
  }

  private static int hitStart(long h) {
    return (int) ((h >>> 31) & 0xFFFFFF);
  }

  private static int hitEnd(long h) {
    return Integer.MAX_VALUE - (int) (h & 0x7FFFFFFFL);
  }

  private List<AdFinding> findings(NormalisedText text, long[] hits, int count) {
    Arrays.sort(hits, 0, count);
    // Per rule, overlapping triggers become one finding over their union (比三甲 + 三甲医院 = 比三甲医院).
    long[] merged = new long[count];
    int out = 0;
    int keptRule = -1;
    int keptStart = 0;
    int keptEnd = 0;
    boolean ruleDone = false;
    for (int i = 0; i < count; i++) {
      int r = hitRule(hits[i]);
      int s = hitStart(hits[i]);
      int e = hitEnd(hits[i]);
      if (r == keptRule) {
        if (ruleDone) {
          continue;
        }
        if (s < keptEnd) {
          keptEnd = Math.max(keptEnd, e);
          continue;
        }
        merged[out++] = span(keptRule, keptStart, keptEnd);
        keptStart = s;
        keptEnd = e;
        continue;
      }
      if (keptRule >= 0 && !ruleDone) {
        merged[out++] = span(keptRule, keptStart, keptEnd);
      }
      keptRule = r;
      keptStart = s;
      keptEnd = e;
      ruleDone = rules[r].source.oncePerText();
      if (ruleDone) {
        merged[out++] = span(r, s, e);
      }
    }
    if (keptRule >= 0 && !ruleDone) {
      merged[out++] = span(keptRule, keptStart, keptEnd);
    }
    // Order by position, then rule id.
    long[] order = new long[out];
    for (int i = 0; i < out; i++) {
      order[i] = ((long) spanStart(merged[i]) << 30) | ((long) ruleRank[spanRule(merged[i])] << 22) | i;
    }
    Arrays.sort(order);
    List<AdFinding> findings = new ArrayList<>(out);
    for (long o : order) {
      long sp = merged[(int) (o & 0x3FFFFF)];
      findings.add(finding(text, spanRule(sp), spanStart(sp), spanEnd(sp)));
    }
    return findings;
  }

  private static long span(int rule, int start, int end) {
    return ((long) rule << 48) | ((long) start << 24) | end;
  }

  private static int spanRule(long sp) {
    return (int) (sp >>> 48);
  }

  private static int spanStart(long sp) {
    return (int) ((sp >>> 24) & 0xFFFFFF);
  }

  private static int spanEnd(long sp) {
    return (int) (sp & 0xFFFFFF);
  }

  private AdFinding finding(NormalisedText text, int r, int s, int e) {
    AdRule rule = rules[r].source;
    int start = text.originalStart(s);
    int end = text.originalEnd(e);
    return new AdFinding(rule.id(), rule.law(), rule.article(), rule.severity(), start, end,
        text.original().substring(start, end), rule.suggestion());
  }

  private boolean insideException(Scan scan, boolean[] exception) {
    Matches m = scan.m;
    for (int i = scan.first(scan.e); i < m.size && m.end[i] <= scan.s + maxTermLength; i++) {
      if (exception[m.term[i]] && m.start[i] <= scan.s) {
        return true;
      }
    }
    return false;
  }

  private boolean conditionsHold(Pattern p, Scan scan) {
    char[] c = scan.c;
    int n = scan.n;
    int s = scan.s;
    int e = scan.e;
    if (p.prefixes != null && prefixStart(p, scan) < 0) {
      return false;
    }
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
    if (p.pageRequires.length > 0 && !anySeen(scan.seen, p.pageRequires)) {
      return false;
    }
    if (anySeen(scan.seen, p.pageUnless)) {
      return false;
    }
    if (p.number != null && lastFigureBefore(scan, p.number) < 0 && firstFigureAfter(scan, p.number) < 0) {
      return false;
    }
    // A cue that occurs nowhere on the page cannot be near the trigger: the seen flags answer without a look.
    if (p.nearby != null && (!anySeen(scan.seen, p.nearbySlots) || !termNear(scan, p.nearby, p.nearbyWindow))) {
      return false;
    }
    return p.notNearby == null || !anySeen(scan.seen, p.notNearbySlots)
        || !termNear(scan, p.notNearby, p.notNearbyWindow);
  }

  /** Start of the claim prefix before the trigger, through at most one filler; -1 if there is none. */
  private static int prefixStart(Pattern p, Scan scan) {
    int direct = prefixEndingAt(scan.c, scan.s, p.prefixes);
    if (direct >= 0) {
      return direct;
    }
    for (char[] f : p.prefixFillers) {
      int at = scan.s - f.length;
      if (at >= 0 && regionMatches(scan.c, at, f)) {
        int start = prefixEndingAt(scan.c, at, p.prefixes);
        if (start >= 0) {
          return start;
        }
      }
    }
    return -1;
  }

  private static int prefixEndingAt(char[] c, int at, char[][] prefixes) {
    int best = -1;
    for (char[] o : prefixes) {
      int from = at - o.length;
      if (from >= 0 && regionMatches(c, from, o)
          && !(latinOrDigit(o[0]) && from > 0 && sameKind(o[0], c[from - 1]))) { // 0风险, not 10风险
        best = best < 0 ? at - o.length : Math.min(best, at - o.length);
      }
    }
    return best;
  }

  /** A disclaimer right after the trigger, at most two characters on (与评价无关, 评价与否不影响). */
  private boolean disclaimed(Scan scan) {
    Matches m = scan.m;
    for (int i = scan.first(scan.e + 1); i < m.size && m.end[i] <= scan.e + 2 + maxTermLength; i++) {
      if (disclaimer[m.term[i]] && m.start[i] >= scan.e && m.start[i] <= scan.e + 2) {
        return true;
      }
    }
    return false;
  }

  private static boolean anySeen(boolean[] seen, int[] ids) {
    for (int id : ids) {
      if (seen[id]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code o} occurs in {@code c} at {@code from} (the caller has checked that it fits). Most options differ
   * in their first character, so that one is compared before anything else.
   */
  private static boolean regionMatches(char[] c, int from, char[] o) {
    if (c[from] != o[0]) {
      return false;
    }
    for (int k = 1; k < o.length; k++) {
      if (c[from + k] != o[k]) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWithAny(char[] c, int n, int at, char[][] options) {
    for (char[] o : options) {
      if (at + o.length <= n && regionMatches(c, at, o)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithAny(char[] c, int at, char[][] options) {
    for (char[] o : options) {
      if (at - o.length >= 0 && regionMatches(c, at - o.length, o)) {
        return true;
      }
    }
    return false;
  }

  /** End of text, or a character that is neither a letter nor a digit (punctuation, quotes, emoji). */
  private static boolean boundaryAt(char[] c, int n, int at) {
    return at >= n || !Character.isLetterOrDigit(c[at]);
  }

  static boolean isSentenceEnd(char c) {
    return c == '\u3002' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '\u2026';
  }

  static boolean isClauseEnd(char c) {
    return isSentenceEnd(c) || c == ',' || c == '\uFF64';
  }

  private static boolean numeral(char ch) {
    return (ch >= '0' && ch <= '9') || "零〇一二两三四五六七八九十百千万亿半".indexOf(ch) >= 0;
  }

  private static int figureEnd(char[] c, int n, int from) {
    int end = from;
    while (end < n && (numeral(c[end]) || c[end] == '.' || c[end] == '%' || c[end] == '\u2030'
        || c[end] == '\u6210' || c[end] == '\u4E4B')) {
      end++;
    }
    return end;
  }

  private static int figureStart(char[] c, int from) {
    int start = from;
    if (from >= 0 && ratioAt(c, from) && c[from] != '\u4E4B') {
      start = c[from - 1] == '\u5F53' ? from - 2 : from - 1; // back over 个 (and 当) to the count: 十个里
    }
    while (start > 0 && (numeral(c[start - 1]) || c[start - 1] == '.' || c[start - 1] == '\u5206'
        || c[start - 1] == '\u4E4B')) {
      start--;
    }
    return start;
  }

  // A figure counts only within the same clause: 患病率为27.5%，... says nothing about the next clause's claim.
  private static int firstFigureAfter(Scan scan, AdRule.NumberNearby rule) {
    int hi = Math.min(scan.clauseEnd(), scan.e + rule.after());
    for (int j = scan.e; j < hi; j++) {
      if (figureAt(scan.c, j, rule.percent())) {
        return j;
      }
    }
    return -1;
  }

  private static int lastFigureBefore(Scan scan, AdRule.NumberNearby rule) {
    int lo = Math.max(scan.clauseStart(), scan.s - rule.before());
    for (int j = scan.s - 1; j >= lo; j--) {
      if (figureAt(scan.c, j, rule.percent())) {
        return j;
      }
    }
    return -1;
  }

  /**
   * Whether a figure is at {@code j}: any numeral, or with {@code percent} a percentage sign or 成 right after a
   * numeral (95%, 九成) or the 百 of 百分之. For a percentage the position is the sign, so a span widened from it
   * takes in the digits before.
   */
  private static boolean figureAt(char[] c, int j, boolean percent) {
    char ch = c[j];
    if (!percent) {
      return numeral(ch);
    }
    if ((ch == '%' || ch == '\u2030' || ch == '\u6210') && j > 0 && numeral(c[j - 1])) {
      return true;
    }
    if (ch == '\u767E' && j + 2 < c.length && c[j + 1] == '\u5206' && c[j + 2] == '\u4E4B') {
      return true;
    }
    return ratioAt(c, j);
  }

  /**
   * A proportion written out: 三分之二, 十之八九 (之 between numerals), or 十个里有九个, 十人中九人 (a count, then
   * 里/中/当中, then 有 and a count). The position is the 之, 里 or 中.
   */
  private static boolean ratioAt(char[] c, int j) {
    char ch = c[j];
    int n = c.length;
    if (ch == '\u4E4B') {
      return j > 0 && j + 1 < n && (numeral(c[j - 1]) || c[j - 1] == '\u5206') && numeral(c[j + 1]);
    }
    if (ch != '\u91CC' && ch != '\u4E2D') {
      return false;
    }
    int k = j - 1;
    if (k >= 1 && c[k] == '\u5F53' && ch == '\u4E2D') {
      k--; // 当中
    }
    if (k < 1 || "个人位例名".indexOf(c[k]) < 0 || !numeral(c[k - 1])) {
      return false;
    }
    int a = j + 1;
    if (a < n && (c[a] == '\u9762' || c[a] == '\u5934')) {
      a++; // 里面, 里头
    }
    if (a < n && c[a] == '\u5C31') {
      a++; // 就
    }
    if (a < n && c[a] == '\u6709') {
      a++; // 有
    }
    return a < n && numeral(c[a]);
  }

  private boolean termNear(Scan scan, boolean[] wanted, int window) {
    Matches m = scan.m;
    // The window is usually far shorter than a sentence: look for the sentence's ends only inside it.
    int lo = scan.sentenceStartFrom(Math.max(0, scan.s - window));
    int hi = scan.sentenceEndUpTo(Math.min(scan.n, scan.e + window));
    for (int i = scan.first(lo); i < m.size && m.end[i] <= hi; i++) {
      // A cue must stand beside the trigger, not overlap it (手术前后 is not 术前 next to 前后).
      if (wanted[m.term[i]] && m.start[i] >= lo && (m.end[i] <= scan.s || m.start[i] >= scan.e)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the trigger is negated, attributed to someone else, or quoted in a warning.
   *
   * <p>Clause and sentence bounds cost a walk over the characters, so each part first asks whether what it looks for
   * occurs within the farthest reach those bounds allow (a clause or sentence reaches at most {@link #SENTENCE_REACH}
   * either way, a quotation warning {@link #QUOTE_LOOKBACK} further back); only then are the bounds found.
   */
  private boolean negated(Scan scan) {
    int s = scan.s;
    int e = scan.e;
    if (scan.warningEndingIn(s - SENTENCE_REACH - QUOTE_LOOKBACK, e + SENTENCE_REACH)) {
      if (warnedInClause(scan)) {
        return true;
      }
      // quoted and warnedAround only read the text: the cheaper, rarer one first.
      if (warnedAround(scan) && quoted(scan.c, scan.sentenceStart(), s)) {
        return true;
      }
    }
    return negatorBefore(scan);
  }

  /** A warning or distancing word earlier in the clause (警惕宣称根治的广告), or a warning later in it. */
  private boolean warnedInClause(Scan scan) {
    Matches m = scan.m;
    int clause = scan.clauseStart();
    int clauseEnd = scan.clauseEnd();
    for (int k = scan.firstWarningEndingAtOrAfter(clause); k < scan.warningCount; k++) {
      int i = scan.warnings[k];
      if (m.end[i] > clauseEnd) {
        break;
      }
      int t = m.term[i];
      boolean before = m.start[i] >= clause && m.end[i] <= scan.s;
      boolean after = m.start[i] >= scan.e;
      if ((before && (warning[t] || distancer[t])) || (after && warning[t])) {
        return true;
      }
    }
    return false;
  }

  /** A negator shortly before, joined to the trigger directly or through a bridge word (无法彻底根治). */
  private boolean negatorBefore(Scan scan) {
    Matches m = scan.m;
    char[] c = scan.c;
    int s = scan.s;
    int reach = Math.max(0, s - NEGATION_REACH);
    boolean anyNegator = false;
    for (int i = scan.first(reach); i < m.size && m.end[i] <= s && !anyNegator; i++) {
      anyNegator = negator[m.term[i]];
    }
    if (!anyNegator) {
      return false; // none within reach: the clause need not be found
    }
    int clause = scan.clauseStart();
    int from = Math.max(clause, reach);
    for (int i = scan.first(from); i < m.size && m.end[i] <= s; i++) {
      if (!negator[m.term[i]] || m.start[i] < clause || broken(scan, m.start[i], m.end[i])) {
        continue;
      }
      int gapStart = m.end[i];
      if (affirmedBetween(scan, gapStart, s)) {
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
      if (s - b.length >= gapStart && regionMatches(c, s - b.length, b)) {
        return true;
      }
    }
    return false;
  }

  private boolean broken(Scan scan, int ns, int ne) {
    Matches m = scan.m;
    for (int i = scan.first(ne); i < m.size && m.end[i] <= ns + maxTermLength; i++) {
      if (breaker[m.term[i]] && m.start[i] <= ns) {
        return true;
      }
    }
    return false;
  }

  private boolean affirmedBetween(Scan scan, int from, int to) {
    Matches m = scan.m;
    for (int i = scan.first(from); i < m.size && m.end[i] <= to; i++) {
      if (affirmer[m.term[i]] && m.start[i] >= from) {
        return true;
      }
    }
    return false;
  }

  private static boolean quoted(char[] c, int sentenceStart, int s) {
    int ascii = 0;
    for (int i = s - 1; i >= sentenceStart; i--) {
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

  private boolean warnedAround(Scan scan) {
    Matches m = scan.m;
    int lo = Math.max(0, scan.sentenceStart() - QUOTE_LOOKBACK);
    int hi = scan.sentenceEnd();
    for (int k = scan.firstWarningEndingAtOrAfter(lo); k < scan.warningCount; k++) {
      int i = scan.warnings[k];
      if (m.end[i] > hi) {
        break;
      }
      if (m.start[i] >= lo) {
        return true; // every match on the list is a warning or distancing word
      }
    }
    return false;
  }
}
