// A rule set compiled once into one word index. Scanning walks the token stream a single time; each word
// looks up the pattern slots it can fill, so the cost grows with the text, not with the number of rules.
import type { Token } from '../text/tokenise.js';
import { type Concepts, parsePattern, PatternError } from './pattern.js';
import type { RuleSpec } from './rule.js';

const enum Role {
  Match,
  Near,
  Unless,
}

interface PatternInfo {
  rule: number;
  role: Role;
  firstSlot: number;
  slotCount: number;
  /** gap allowed before each slot, indexed from firstSlot */
  gaps: number[];
}

/** A slot a word can fill: pattern `pattern`, slot number `slot` within it. Sorted last slot first per word. */
type Entry = { pattern: number; slot: number };

export interface RuleHit {
  rule: RuleSpec;
  /** token indices, inclusive */
  first: number;
  last: number;
  /** occurrences, counted for rules with `perMatch` */
  count: number;
  /** last token of the latest counted occurrence: overlapping matches of one phrase count once */
  countedTo?: number;
  /** span in the original text */
  start?: number;
  end?: number;
}

export class CompiledRules {
  readonly rules: RuleSpec[];
  private readonly patterns: PatternInfo[] = [];
  private readonly exact = new Map<string, Entry[]>();
  private readonly prefixes = new Map<string, Entry[]>();
  private readonly prefixLengths: number[];
  private slotTotal = 0;
  /** Word → the slots it fills, resolved once per word: most words of a language come back again and again. */
  private readonly resolved = new Map<string, Entry[]>();

  constructor(rules: RuleSpec[], concepts: Concepts) {
    this.rules = rules;
    rules.forEach((rule, ruleIndex) => {
      const add = (sources: string[] | undefined, role: Role) => {
        for (const source of sources ?? []) {
          let slots;
          try {
            slots = parsePattern(source, concepts);
          } catch (error) {
            if (error instanceof PatternError) throw new PatternError(`rule ${rule.id}: ${error.message}`);
            throw error;
          }
          const pattern = this.patterns.length;
          this.patterns.push({ rule: ruleIndex, role, firstSlot: this.slotTotal, slotCount: slots.length, gaps: slots.map((s) => s.gap) });
          this.slotTotal += slots.length;
          slots.forEach((slot, index) => {
            for (const word of new Set(slot.exact)) index_(this.exact, word, { pattern, slot: index });
            for (const prefix of new Set(slot.prefixes)) index_(this.prefixes, prefix, { pattern, slot: index });
          });
        }
      };
      add(rule.match, Role.Match);
      add(rule.near, Role.Near);
      add(rule.unless, Role.Unless);
    });
    this.prefixLengths = [...new Set([...this.prefixes.keys()].map((p) => p.length))].sort((a, b) => a - b);
  }

  /**
   * Every rule that fires on the token stream, once per rule (its first occurrence). Rules that matched but
   * whose `unless` context held them back go to `suppressed`: the rules recognised a harmless reading.
   */
  scan(input: Token[], suppressed?: RuleSpec[]): RuleHit[] {
    const tokens = input.some((t) => t.joined) ? this.segmentJoined(input) : input;
    // Per slot: the token index where the slot was last completed and where that partial match began.
    const lastEnd = new Int32Array(this.slotTotal).fill(-1);
    const startedAt = new Int32Array(this.slotTotal);
    const ruleCount = this.rules.length;
    const lastMatch = new Int32Array(ruleCount * 2).fill(-1); // [first, last] of the latest match-role hit
    const lastNear = new Int32Array(ruleCount * 2).fill(-1);
    const unlessHits: Array<number[] | undefined> = new Array(ruleCount);
    const fired: Array<RuleHit | undefined> = new Array(ruleCount);

    const entriesFor = (word: string): Entry[] => {
      let found = this.resolved.get(word);
      if (!found) {
        found = this.resolve(word);
        if (this.resolved.size >= MAX_RESOLVED_WORDS) this.resolved.clear();
        this.resolved.set(word, found);
      }
      return found;
    };

    const merged: Entry[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      let entries = entriesFor(token.word);
      if (token.alt) {
        // Rare (leetspeak): both forms' slots, in the same order as a single word's.
        merged.length = 0;
        merged.push(...entries, ...entriesFor(token.alt));
        entries = merged.sort(byPatternThenLastSlot);
      }
      if (entries.length === 0) continue;
      let previous: Entry | undefined;
      for (const entry of entries) {
        if (previous && previous.pattern === entry.pattern && previous.slot === entry.slot) continue;
        previous = entry;
        const info = this.patterns[entry.pattern]!;
        const at = info.firstSlot + entry.slot;
        if (entry.slot === 0) {
          lastEnd[at] = i;
          startedAt[at] = i;
        } else {
          const before = lastEnd[at - 1]!;
          if (before < 0 || before >= i || i - before - 1 > info.gaps[entry.slot]!) continue;
          lastEnd[at] = i;
          startedAt[at] = startedAt[at - 1]!;
        }
        if (entry.slot === info.slotCount - 1) this.onPattern(info, startedAt[at]!, i, lastMatch, lastNear, unlessHits, fired);
      }
    }
    const hits: RuleHit[] = [];
    for (let r = 0; r < ruleCount; r++) {
      const hit = fired[r];
      if (!hit) continue;
      const within = this.rules[r]!.within ?? DEFAULT_WITHIN;
      const held = unlessHits[r]?.some((at) => at >= hit.first - within && at <= hit.last + within);
      if (!held) hits.push({ ...hit, start: tokens[hit.first]!.start, end: tokens[hit.last]!.end });
      else suppressed?.push(hit.rule);
    }
    return hits;
  }

  /**
   * Letters written apart lose their word boundaries ("ignoreallprevious"). Splits such a run into the words
   * this rule set knows, preferring long words (dynamic programming over the run); the pieces keep its span.
   */
  private segmentJoined(tokens: Token[]): Token[] {
    const out: Token[] = [];
    for (const token of tokens) {
      if (!token.joined || token.word.length > MAX_SEGMENTED_LENGTH) {
        out.push(token);
        continue;
      }
      for (const piece of this.segment(token.word)) out.push({ word: piece, start: token.start, end: token.end });
    }
    return out;
  }

  private segment(word: string): string[] {
    const n = word.length;
    // score[i]: best score for word[0, i); a known word of length l scores l², so long words win over
    // strings of short ones ("ignore" over "i" + "gno" + "re"); an unexplained letter costs 1.
    const score = new Array<number>(n + 1).fill(-Infinity);
    const from = new Array<number>(n + 1).fill(0);
    const known = new Array<boolean>(n + 1).fill(false);
    score[0] = 0;
    for (let i = 0; i < n; i++) {
      if (score[i] === -Infinity) continue;
      if (score[i]! - 1 > score[i + 1]!) {
        score[i + 1] = score[i]! - 1;
        from[i + 1] = i;
        known[i + 1] = false;
      }
      for (let length = 2; length <= MAX_WORD_LENGTH && i + length <= n; length++) {
        const candidate = word.slice(i, i + length);
        if (!this.exact.has(candidate) && !this.prefixes.has(candidate)) continue;
        if (score[i]! + length * length > score[i + length]!) {
          score[i + length] = score[i]! + length * length;
          from[i + length] = i;
          known[i + length] = true;
        }
      }
    }
    const result: string[] = [];
    let unknownRun = '';
    const stack: string[] = [];
    for (let i = n; i > 0; i = from[i]!) stack.push((known[i] ? '+' : '-') + word.slice(from[i]!, i));
    for (const entry of stack.reverse()) {
      if (entry[0] === '-') {
        unknownRun += entry.slice(1);
        continue;
      }
      if (unknownRun) result.push(unknownRun);
      unknownRun = '';
      result.push(entry.slice(1));
    }
    if (unknownRun) result.push(unknownRun);
    return result;
  }

  private resolve(word: string): Entry[] {
    const found: Entry[] = [...(this.exact.get(word) ?? [])];
    for (const length of this.prefixLengths) {
      if (length > word.length) break;
      const prefixed = this.prefixes.get(length === word.length ? word : word.slice(0, length));
      if (prefixed) found.push(...prefixed);
    }
    // Per pattern, later slots first, so one word cannot fill two consecutive slots of the same pattern.
    return found.sort(byPatternThenLastSlot);
  }

  private onPattern(
    info: PatternInfo,
    first: number,
    last: number,
    lastMatch: Int32Array,
    lastNear: Int32Array,
    unlessHits: Array<number[] | undefined>,
    fired: Array<RuleHit | undefined>,
  ) {
    const r = info.rule;
    const rule = this.rules[r]!;
    if (info.role === Role.Unless) {
      (unlessHits[r] ??= []).push(first, last);
      return;
    }
    if (fired[r] && rule.perMatch && !rule.near) {
      const hit = fired[r]!;
      if (first > (hit.countedTo ?? hit.last)) {
        hit.count++;
        hit.countedTo = last;
      }
      return;
    }
    if (fired[r] && !rule.unless) return;
    const mine = info.role === Role.Match ? lastMatch : lastNear;
    mine[r * 2] = first;
    mine[r * 2 + 1] = last;
    if (!rule.near) {
      fired[r] ??= { rule, first, last, count: 1 };
      return;
    }
    const other = info.role === Role.Match ? lastNear : lastMatch;
    const otherLast = other[r * 2 + 1]!;
    if (otherLast < 0 || first - otherLast > (rule.within ?? DEFAULT_WITHIN)) return;
    const hit = { rule, first: Math.min(first, other[r * 2]!), last, count: 1 };
    // With `unless`, keep looking for an occurrence the exception does not cover: remember the latest.
    if (!fired[r] || rule.unless) fired[r] = hit;
  }
}

const DEFAULT_WITHIN = 8;
const byPatternThenLastSlot = (a: Entry, b: Entry) => a.pattern - b.pattern || b.slot - a.slot;
const MAX_RESOLVED_WORDS = 100_000;
const MAX_SEGMENTED_LENGTH = 400;
const MAX_WORD_LENGTH = 20;

function index_(map: Map<string, Entry[]>, key: string, entry: Entry) {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}
