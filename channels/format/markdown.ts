// Drafts come from an LLM and arrive as Markdown. WhatsApp renders only its own small subset and SMS renders
// none, so both get a converted copy. The rules are deliberately conservative: an emphasis marker counts
// only at a word edge, so `2*3=6`, `snake_case_name`, `$5*` and anything inside a URL or e-mail address
// reach the customer exactly as written.

interface Dialect {
  bold: string;
  italic: string;
  strike: string;
  heading: (title: string) => string;
  bullet: string;
  /** What a ``` fence line becomes; null drops it. */
  fence: string | null;
  inlineCode: (span: string, code: string) => string;
}

const whatsApp: Dialect = {
  bold: '*',
  italic: '_',
  strike: '~',
  heading: (title) => `*${title}*`,
  bullet: '•',
  // WhatsApp's monospace block is three backticks on each side; a language tag would show as text.
  fence: '```',
  inlineCode: (span) => span,
};

const plain: Dialect = {
  bold: '',
  italic: '',
  strike: '',
  heading: (title) => title,
  bullet: '-',
  fence: null,
  inlineCode: (_span, code) => code,
};

/** Markdown from the drafter → WhatsApp formatting (`*bold*`, `_italic_`, `~strike~`, ``` monospace). */
export function toWhatsApp(text: string): string {
  return convert(text, whatsApp);
}

/** Markdown from the drafter → plain text for SMS, keeping link targets and list shape readable. */
export function toPlainText(text: string): string {
  return convert(text, plain);
}

// A fence line carries at most a language tag; ```code``` on one line is inline monospace, not a fence.
const FENCE = /^\s{0,3}(?:`{3,}[^`]*|~{3,}[^~]*)$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
// `+` is valid Markdown too, but a line such as `+ 44 20 7946 0000` is far likelier in a reply.
const BULLET = /^(\s*)[-*]\s+(.*)$/;

function convert(text: string, dialect: Dialect): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      if (dialect.fence !== null) out.push(dialect.fence);
    } else if (inFence) {
      out.push(line);
    } else if (RULE.test(line)) {
      out.push('');
    } else {
      out.push(convertLine(line, dialect));
    }
  }
  if (inFence && dialect.fence !== null) out.push(dialect.fence);
  return out
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function convertLine(line: string, dialect: Dialect): string {
  const heading = HEADING.exec(line);
  // Heading text is flattened first so `# **Title**` cannot turn into nested markers.
  if (heading) {
    const title = convertInline(heading[1] ?? '', plain);
    return title ? dialect.heading(title) : '';
  }
  const bullet = BULLET.exec(line);
  if (bullet) return `${bullet[1] ?? ''}${dialect.bullet} ${convertInline(bullet[2] ?? '', dialect)}`;
  return convertInline(line, dialect);
}

// Letters and digits in any script: a marker touching one of these is part of the word, not emphasis.
const W = '\\p{L}\\p{N}_';

const INLINE_CODE = /(`+)(?!`)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!~>|])/g;
const LINK = /!?\[([^\]\n]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))+)>?(?:\s+"[^"]*")?\s*\)/g;
const AUTOLINK = /<((?:https?:\/\/|mailto:)[^>\s]+|[^>\s@]+@[^>\s]+)>/gi;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>]+/giu;
const EMAIL = new RegExp(`[${W}.%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+`, 'gu');

/**
 * An emphasis span whose markers sit at word edges. A single marker may not touch another of its kind, so
 * it is never half of a `**`; a double one may, so `***both***` and `**bold *then italic***` still pair.
 */
function emphasis(marker: string): RegExp {
  const c = marker.charAt(0) === '*' ? '\\*' : marker.charAt(0);
  const run = c.repeat(marker.length);
  const inside = marker.length === 1 ? `\\s${c}` : '\\s';
  return new RegExp(`(?<![${W}${c}])${run}(?![${inside}])(.+?)(?<![${inside}])${run}(?![${W}${c}])`, 'gu');
}

const BOLD_STARS = emphasis('**');
const BOLD_UNDERSCORES = emphasis('__');
const STRIKE = emphasis('~~');
const ITALIC_STAR = emphasis('*');
const ITALIC_UNDERSCORE = emphasis('_');

function convertInline(line: string, dialect: Dialect): string {
  // Finished pieces (code, URLs, the markers we emit) are parked behind private-use sentinels so later
  // rules cannot see inside them; drafts never contain U+E000/U+E001.
  const parked: string[] = [];
  const park = (piece: string): string => `\uE000${parked.push(piece) - 1}\uE001`;

  const converted = line
    .replace(INLINE_CODE, (span, _ticks: string, code: string) => park(dialect.inlineCode(span, code)))
    .replace(ESCAPE, (_m, char: string) => park(char))
    .replace(LINK, (_m, label: string, url: string) =>
      label.trim() === '' || sameTarget(label, url) ? park(url) : `${label} (${park(url)})`,
    )
    .replace(AUTOLINK, (_m, url: string) => park(url))
    .replace(BARE_URL, (match) => {
      const [url, tail] = splitUrlTail(match);
      return park(url) + tail;
    })
    .replace(EMAIL, (address) => park(address))
    .replace(BOLD_STARS, (_m, inner: string) => wrap(inner, dialect.bold, park))
    .replace(BOLD_UNDERSCORES, (_m, inner: string) => wrap(inner, dialect.bold, park))
    .replace(STRIKE, (_m, inner: string) => wrap(inner, dialect.strike, park))
    .replace(ITALIC_STAR, (_m, inner: string) => wrap(inner, dialect.italic, park))
    .replace(ITALIC_UNDERSCORE, (_m, inner: string) => wrap(inner, dialect.italic, park));

  return converted.replace(/\uE000(\d+)\uE001/g, (match, index: string) => parked[Number(index)] ?? match);
}

function wrap(inner: string, marker: string, park: (piece: string) => string): string {
  return `${park(marker)}${inner}${park(marker)}`;
}

/** `[example.com](https://example.com/)` says the URL twice; the customer only needs it once. */
function sameTarget(label: string, url: string): boolean {
  const bare = (s: string) => s.trim().toLowerCase().replace(/^(?:https?:\/\/|mailto:)/, '').replace(/\/$/, '');
  return bare(label) === bare(url);
}

/** Sentence punctuation, emphasis markers and an unmatched `)` after a bare URL belong to the prose. */
function splitUrlTail(match: string): [string, string] {
  let url = match;
  for (;;) {
    const last = url[url.length - 1] ?? '';
    const unbalanced = last === ')' && count(url, '(') < count(url, ')');
    if (!/[.,;:!?'"*_~\]]/.test(last) && !unbalanced) break;
    url = url.slice(0, -1);
  }
  return [url, match.slice(url.length)];
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
