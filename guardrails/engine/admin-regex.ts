// Admins may add regular expressions. JavaScript's engine backtracks: `(\w|\d)*x` or `^(a|a)*$` passed a
// shape check and still took 20–55 s on a 29-character message. RE2 (compiled to WebAssembly) matches in
// time linear in the text whatever the pattern; what it cannot run that way (back-references, lookaround)
// is refused when the rule set is saved, with the reason.
import { RE2 } from 're2-wasm';

export class UnsafeRegexError extends Error {
  /** Which of the rules given to AdminRegexSet was refused. */
  ruleIndex?: number;
}

const MAX_LENGTH = 300;
/** One match per rule is enough for a verdict; a text full of matches stops costing after this many. */
const MAX_MATCHES = 64;

export interface AdminRegex<T> {
  source: string;
  rule: T;
}

export interface RegexMatch<T> {
  rule: T;
  /** UTF-16 offsets into the scanned text, end exclusive. */
  start: number;
  end: number;
}

/** The checks that need no compiling; RE2 refuses the rest of what it cannot run. */
function precheck(source: string): void {
  if (source.length > MAX_LENGTH) throw new UnsafeRegexError(`regular expression longer than ${MAX_LENGTH} characters`);
  try {
    // Admins write JavaScript syntax, as they did before RE2; checking it also stops a pattern like
    // "a)|(b" from closing its neighbours' groups inside the combined expression.
    new RegExp(source, 'u');
  } catch (error) {
    throw new UnsafeRegexError(`invalid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  if (/\\[1-9]|\\k</.test(source)) throw new UnsafeRegexError('back-references are not supported: they cannot be matched in linear time');
  if (/\(\?<?[=!]/.test(source)) throw new UnsafeRegexError('lookahead and lookbehind are not supported: they cannot be matched in linear time');
}

function compile(source: string, flags: string): RE2 {
  try {
    return new RE2(source, flags);
  } catch (error) {
    throw new UnsafeRegexError(`invalid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
}

/** Every admin regular expression as one RE2 alternation, scanned once per message. */
export class AdminRegexSet<T> {
  private readonly regex: RE2;
  /** Capturing group that wraps each rule's expression. */
  private readonly groups: Array<{ group: number; rule: T }> = [];

  /** Compiling each expression alone costs about a millisecond; the set is compiled whole and only a refusal is traced to its rule. */
  constructor(rules: Array<AdminRegex<T>>) {
    const blame = (index: number, error: unknown): never => {
      if (error instanceof UnsafeRegexError) error.ruleIndex = index;
      throw error;
    };
    rules.forEach((r, index) => {
      try {
        precheck(r.source);
      } catch (error) {
        blame(index, error);
      }
    });
    const combined = rules.map((r) => `(${r.source})`).join('|');
    try {
      this.regex = compile(combined, 'gu');
    } catch (error) {
      rules.forEach((r, index) => {
        try {
          compile(r.source, 'u');
        } catch (inner) {
          blame(index, inner);
        }
      });
      throw error;
    }
    let group = 1;
    rules.forEach((r) => {
      this.groups.push({ group, rule: r.rule });
      group += 1 + countGroups(r.source);
    });
  }

  get size(): number {
    return this.groups.length;
  }

  scan(text: string): Array<RegexMatch<T>> {
    const matches: Array<RegexMatch<T>> = [];
    // RE2 counts code points; findings need UTF-16 offsets. Only text with astral characters differs.
    const offsets = /[\uD800-\uDFFF]/.test(text) ? utf16Offsets(text) : undefined;
    const at = (codePoint: number) => (offsets ? offsets[codePoint]! : codePoint);
    this.regex.lastIndex = 0;
    for (let n = 0; n < MAX_MATCHES; n++) {
      const match = this.regex.exec(text);
      if (!match) break;
      const found = this.groups.find((g) => match[g.group] !== undefined);
      const start = at(match.index);
      const end = offsets ? at(match.index + [...match[0]!].length) : start + match[0]!.length;
      if (found) matches.push({ rule: found.rule, start, end });
      if (match[0]!.length === 0) this.regex.lastIndex = match.index + 1;
      if (this.regex.lastIndex > (offsets ? offsets.length - 1 : text.length)) break;
    }
    return matches;
  }
}

/** Capturing groups of a pattern that JavaScript accepted (precheck), named ones included. */
function countGroups(source: string): number {
  let count = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '[') while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    else if (source[i] === '(' && (source[i + 1] !== '?' || /^\?P?<[^=!]/.test(source.slice(i + 1, i + 5)))) count++;
  }
  return count;
}

function utf16Offsets(text: string): Int32Array {
  const offsets = new Int32Array(text.length + 1);
  let codePoint = 0;
  for (let i = 0; i < text.length; i++) {
    offsets[codePoint++] = i;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
  }
  offsets[codePoint] = text.length;
  return offsets.subarray(0, codePoint + 1);
}
