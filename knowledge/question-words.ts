// What a customer's question asks, as retrieval weighs it (knowledge/retrieval.ts ranks articles with it):
// - its English stems, stop words such as "where", "is", "my" dropped, each weighted by how rare it is among
//   the articles (kb_terms counts them): "order", in most articles, counts little; "cancel" counts a lot;
// - a word no article holds taken for a known word one edit away ("adress" → "address", "trakc" → "track"),
//   or else for its English (knowledge/loanwords.ts: "anular" → "cancel") or its synonyms that articles hold
//   (knowledge/wordnet.ts: "guarantee" → "warranty");
// - order numbers, amounts, days and months, which name the customer's case rather than its subject;
// - neighbouring words ("card charged"), which count again when an article has them close together;
// - its runs of words, compared with the phrase tags admins give articles ("where is my order").
import type { EntityManager } from '@mikro-orm/postgresql';
import { englishFor } from './loanwords.js';
import { synonymsOf } from './wordnet.js';

export interface QuestionWord {
  /** How many articles hold the word. */
  ndoc: number;
  weight: number;
  /** false for numbers and dates: they do not choose which articles are scored. */
  selects: boolean;
}

export interface Question {
  /** How many articles there are. */
  articles: number;
  words: Map<string, QuestionWord>;
  /** A tsquery for two words near each other in an article → what finding them so adds. */
  pairs: Map<string, number>;
  /** Runs of 2 to MAX_PHRASE_WORDS words, normalised as the kb_phrase() SQL function does phrase tags. */
  phrases: string[];
}

/** Numbers (order numbers, amounts) count this much of their weight… */
const NUMBER_WEIGHT = 0.1;
/** …days and months this much: "arrive Monday" asks about delivery, "open on Sunday" about opening hours. */
const DATE_WEIGHT = 0.5;
/** A misspelt word counts this much of the word it was taken for. */
const CORRECTED_WEIGHT = 0.8;
/** A loanword counts this much of the English word it stands for… */
const LOANWORD_WEIGHT = 0.8;
/** …and a synonym this much of itself, shared among the synonyms of one word that articles hold. */
const SYNONYM_WEIGHT = 0.7;
/** Only this many of a message's words no article holds are looked up (a long email has many)… */
const MAX_REPLACED_WORDS = 8;
/** …and only a word's first synonyms, WordNet's most frequent senses first. */
const MAX_SYNONYMS = 4;
/** Words shorter than this are not corrected. */
const MIN_CORRECTED_LENGTH = 5;
/** …nor words longer than this (no customer's word is; a 5,000-letter "word" would make 260,000 spellings), and
 *  at most this many per question, so a hostile message costs what an ordinary one does. */
const MAX_CORRECTED_LENGTH = 24;
const MAX_CORRECTED_WORDS = 8;
/** Two words at most NEAR apart in the question, found at most NEAR apart in an article, add NEAR_WEIGHT of the weaker one. */
const NEAR = 3;
const NEAR_WEIGHT = 0.5;
const MAX_PHRASE_WORDS = 6;

// English stems of weekdays and months, as to_tsvector gives them ("may" is a stop word).
const DATE_STEMS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'januari', 'februari',
  'march', 'april', 'june', 'juli', 'august', 'septemb', 'octob', 'novemb', 'decemb']);

// The question's stems with their positions, and the stems of its hyphenated words written together ("e-mail"
// is also "email"), each with how many articles hold it.
const WORDS_SQL = `
  with words as (
    select distinct on (word) word, positions from (
      select lexeme as word, positions::int[] as positions from unnest(to_tsvector('english', ?))
      union all select lexeme, '{}' from unnest(to_tsvector('english', ?))
    ) parsed order by word, cardinality(positions) desc
  )
  select words.word, words.positions, coalesce(t.ndoc, 0) as ndoc,
    coalesce((select ndoc from kb_terms where word = ''), 0) as articles, kb_phrase(?) as normalised
  from words left join kb_terms t on t.word = words.word`;

// Which of the spellings one edit away from an unknown word some article holds.
const KNOWN_SQL = `select word, ndoc from kb_terms where word = any(?::text[])`;

// Each word of the question with its stem (none for stop words).
const STEMS_SQL = `select token, (select lexeme from unnest(to_tsvector('english', token)) limit 1) as word from unnest(?::text[]) token`;

// The stems of words standing for a question's word that some article holds.
const EQUIVALENTS_SQL = `
  select x.token, e.lexeme as word, t.ndoc from unnest(?::text[], ?::text[]) x(token, equivalent)
  cross join lateral unnest(to_tsvector('english', x.equivalent)) e
  join kb_terms t on t.word = e.lexeme`;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every spelling one edit from `word`: a letter left out, added, changed, or two neighbours swapped
 * ("adress" → "address", "acount" → "account", "trakc" → "track"). Looked up in kb_terms by its primary
 * key, so the cost does not grow with the vocabulary.
 */
export function oneEditFrom(word: string): string[] {
  const spellings = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (tail) spellings.add(head + tail.slice(1));
    if (tail.length > 1) spellings.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      spellings.add(head + letter + tail);
      if (tail) spellings.add(head + letter + tail.slice(1));
    }
  }
  spellings.delete(word);
  return [...spellings];
}

interface WordRow {
  word: string;
  positions: number[];
  ndoc: number;
  articles: number;
  normalised: string;
}

/**
 * Inverse document frequency (BM25's), square-rooted: a word only one article holds still outweighs one most
 * hold, but no longer drowns a title's two common words ("email", "account") under one rare word of a text.
 */
export const idf = (ndoc: number, articles: number) => Math.sqrt(Math.log(1 + (articles - ndoc + 0.5) / (ndoc + 0.5)));

/** A PostgreSQL array literal of texts, each quoted. */
export const arrayLiteral = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

/** A stem quoted for a tsquery. Stems are letters and digits, but they come from customers' text. */
export const lexeme = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

export async function readQuestion(em: EntityManager, text: string): Promise<Question> {
  const joined = text.replace(/(\p{L})-(?=\p{L})/gu, '$1');
  const tokens = [...new Set(text.toLowerCase().match(/\p{L}{2,24}/gu) ?? [])];
  // The words' stems are asked for beside the question's words, not after them: most customer questions hold
  // some word no article does (an order number, a name), and a second round trip cost 1.2 ms at p50.
  const [rows, stems] = await Promise.all([
    em.execute<WordRow[]>(WORDS_SQL, [text, joined, text]),
    em.execute<{ token: string; word: string | null }[]>(STEMS_SQL, [arrayLiteral(tokens)]),
  ]);
  const articles = Number(rows[0]?.articles ?? 0);
  const unknown = new Set(rows.filter((row) => row.ndoc === 0).map((row) => row.word));
  const unknownTokens = stems.filter((stem) => stem.word !== null && unknown.has(stem.word)).slice(0, MAX_REPLACED_WORDS);
  const [misspelt, equivalents] = await Promise.all([correct(em, [...unknown]), equivalentsOf(em, unknownTokens.map((t) => t.token))]);
  // A word with a synonym or an English equivalent is a word, not a misspelling ("packet" is not "packed").
  const corrections = new Map([...misspelt].filter(([stem]) => !unknownTokens.some((t) => t.word === stem && equivalents.has(t.token))));
  const words = new Map<string, QuestionWord>();
  const placed: { word: string; at: number }[] = [];
  for (const row of rows) {
    const correction = corrections.get(row.word);
    const [word, ndoc, factor] = row.ndoc > 0 ? [row.word, row.ndoc, 1] : correction ? [correction.word, correction.ndoc, CORRECTED_WEIGHT] : [];
    if (!word) continue;
    const number = /\d/.test(word);
    const date = DATE_STEMS.has(word);
    if (!number && !date) placed.push(...row.positions.map((at) => ({ word, at })));
    if (words.has(word)) continue;
    const weight = (number ? NUMBER_WEIGHT : date ? DATE_WEIGHT : factor!) * idf(ndoc!, articles);
    words.set(word, { ndoc: ndoc!, weight, selects: !number && !date });
  }
  // A word no article holds: the words standing for it.
  for (const { token } of unknownTokens) {
    for (const { word, ndoc, factor } of equivalents.get(token) ?? []) {
      if (words.has(word)) continue;
      words.set(word, { ndoc, weight: factor * idf(ndoc, articles), selects: true });
    }
  }
  return { articles, words, pairs: pairsOf(placed, words), phrases: phrasesOf(rows[0]?.normalised ?? '') };
}

interface Equivalent {
  word: string;
  ndoc: number;
  /** Its share of the weight it would have as the customer's own word. */
  factor: number;
}

/** For each word, its English if it is a loanword, else its synonyms: those stems some article holds. */
async function equivalentsOf(em: EntityManager, tokens: string[]): Promise<Map<string, Equivalent[]>> {
  const loanwords = new Set<string>();
  const pairs = tokens.flatMap((token) => {
    const english = englishFor(token);
    if (english.length) loanwords.add(token);
    return (english.length ? english : synonymsOf(token).slice(0, MAX_SYNONYMS)).map((equivalent) => ({ token, equivalent }));
  });
  if (pairs.length === 0) return new Map();
  const rows = await em.execute<{ token: string; word: string; ndoc: number }[]>(EQUIVALENTS_SQL, [
    arrayLiteral(pairs.map((p) => p.token)), arrayLiteral(pairs.map((p) => p.equivalent)),
  ]);
  const byToken = new Map<string, Equivalent[]>();
  for (const { token, word, ndoc } of rows) {
    const list = byToken.get(token) ?? [];
    if (!list.some((e) => e.word === word)) list.push({ word, ndoc: Number(ndoc), factor: 0 });
    byToken.set(token, list);
  }
  for (const [token, list] of byToken) {
    // A loanword's English words are all meant ("Geschenkkarte": gift and card); a word's synonyms are
    // alternatives, so they share its weight.
    for (const e of list) e.factor = loanwords.has(token) ? LOANWORD_WEIGHT : SYNONYM_WEIGHT / Math.sqrt(list.length);
  }
  return byToken;
}

/**
 * The known word each unknown one most likely misspells: of those one edit away, the one most articles hold.
 * Short words are left alone: "late" is not a misspelt "later".
 */
async function correct(em: EntityManager, unknown: string[]): Promise<Map<string, { word: string; ndoc: number }>> {
  const correctable = unknown.filter((word) => word.length >= MIN_CORRECTED_LENGTH && word.length <= MAX_CORRECTED_LENGTH && /^[a-z]+$/.test(word));
  const spellings = new Map(correctable.slice(0, MAX_CORRECTED_WORDS).map((word) => [word, oneEditFrom(word)]));
  if (spellings.size === 0) return new Map();
  const rows = await em.execute<{ word: string; ndoc: number }[]>(KNOWN_SQL, [`{${[...new Set([...spellings.values()].flat())].join(',')}}`]);
  const known = new Map(rows.map((row) => [row.word, Number(row.ndoc)]));
  const corrections = new Map<string, { word: string; ndoc: number }>();
  for (const [typo, candidates] of spellings) {
    const best = candidates.filter((word) => known.has(word)).sort((a, b) => known.get(b)! - known.get(a)! || a.localeCompare(b))[0];
    if (best) corrections.set(typo, { word: best, ndoc: known.get(best)! });
  }
  return corrections;
}

function pairsOf(placed: { word: string; at: number }[], words: Map<string, QuestionWord>): Map<string, number> {
  placed.sort((a, b) => a.at - b.at);
  const pairs = new Map<string, number>();
  for (let i = 1; i < placed.length; i++) {
    const [a, b] = [placed[i - 1]!, placed[i]!];
    if (a.word === b.word || b.at - a.at > NEAR) continue;
    const distances = Array.from({ length: NEAR }, (_, d) => d + 1);
    const query = distances.flatMap((d) => [`${lexeme(a.word)} <${d}> ${lexeme(b.word)}`, `${lexeme(b.word)} <${d}> ${lexeme(a.word)}`]).join(' | ');
    pairs.set(query, NEAR_WEIGHT * Math.min(words.get(a.word)!.weight, words.get(b.word)!.weight));
  }
  return pairs;
}

function phrasesOf(normalised: string): string[] {
  const words = normalised.split(' ').filter(Boolean);
  const phrases = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 2; n <= MAX_PHRASE_WORDS && i + n <= words.length; n++) phrases.add(words.slice(i, i + n).join(' '));
  }
  return [...phrases];
}
