// What a customer's question asks, as retrieval weighs it (knowledge/retrieval.ts ranks articles with it):
// - its English stems, stop words such as "where", "is", "my" dropped, each weighted by how rare it is among
//   the articles (kb_terms counts them): "order", in most articles, counts little; "cancel" counts a lot;
// - a word no article holds taken for the known word it most likely misspells ("adress" → "address");
// - order numbers, amounts, days and months, which name the customer's case rather than its subject;
// - neighbouring words ("card charged"), which count again when an article has them close together;
// - its runs of words, compared with the phrase tags admins give articles ("where is my order").
import type { EntityManager } from '@mikro-orm/postgresql';

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
/** How similar (pg_trgm) an unknown word must be to a known one to be taken for it… */
const CORRECTION_SIMILARITY = 0.5;
/** …and how long: "late" is not a misspelt "later". */
const MIN_CORRECTED_LENGTH = 5;
/** Two words at most NEAR apart in the question, found at most NEAR apart in an article, add NEAR_WEIGHT of the weaker one. */
const NEAR = 3;
const NEAR_WEIGHT = 0.5;
const MAX_PHRASE_WORDS = 6;

// English stems of weekdays and months, as to_tsvector gives them ("may" is a stop word).
const DATE_STEMS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'januari', 'februari',
  'march', 'april', 'june', 'juli', 'august', 'septemb', 'octob', 'novemb', 'decemb']);

// The question's stems with their positions, and the stems of its hyphenated words written together ("e-mail"
// is also "email"), each with how many articles hold it. A word no article holds is taken for a known one
// with two neighbouring letters swapped ("trakc" → "track"), else for the most similar known one (pg_trgm,
// through the trigram index on kb_terms) that starts with the same letter.
const UNKNOWN = `t.word is null and length(words.word) >= ${MIN_CORRECTED_LENGTH} and words.word !~ '[0-9]'`;
const WORDS_SQL = `
  with words as (
    select distinct on (word) word, positions from (
      select lexeme as word, positions::int[] as positions from unnest(to_tsvector('english', ?))
      union all select lexeme, '{}' from unnest(to_tsvector('english', ?))
    ) parsed order by word, cardinality(positions) desc
  )
  select words.word, words.positions, coalesce(t.ndoc, 0) as ndoc, fix.word as fixed, fix.ndoc as fixed_ndoc,
    coalesce((select ndoc from kb_terms where word = ''), 0) as articles, kb_phrase(?) as normalised
  from words left join kb_terms t on t.word = words.word
  left join lateral (
    select * from (
      (select k.word, k.ndoc, 1 as similarity from kb_terms k
        where ${UNKNOWN} and k.word = any(array(select overlay(words.word placing substr(words.word, i + 1, 1) || substr(words.word, i, 1) from i for 2)
          from generate_series(1, length(words.word) - 1) i))
        order by k.ndoc desc limit 1)
      union all
      (select k.word, k.ndoc, similarity(k.word, words.word) from kb_terms k
        where ${UNKNOWN} and k.word % words.word and left(k.word, 1) = left(words.word, 1) and similarity(k.word, words.word) >= ${CORRECTION_SIMILARITY}
        order by similarity(k.word, words.word) desc, k.ndoc desc, k.word limit 1)
    ) candidates order by similarity desc limit 1
  ) fix on true`;

interface WordRow {
  word: string;
  positions: number[];
  ndoc: number;
  fixed: string | null;
  fixed_ndoc: number | null;
  articles: number;
  normalised: string;
}

/**
 * Inverse document frequency (BM25's), square-rooted: a word only one article holds still outweighs one most
 * hold, but no longer drowns a title's two common words ("email", "account") under one rare word of a text.
 */
export const idf = (ndoc: number, articles: number) => Math.sqrt(Math.log(1 + (articles - ndoc + 0.5) / (ndoc + 0.5)));

/** A stem quoted for a tsquery. Stems are letters and digits, but they come from customers' text. */
export const lexeme = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

export async function readQuestion(em: EntityManager, text: string): Promise<Question> {
  const joined = text.replace(/(\p{L})-(?=\p{L})/gu, '$1');
  const rows = await em.execute<WordRow[]>(WORDS_SQL, [text, joined, text]);
  const articles = Number(rows[0]?.articles ?? 0);
  const words = new Map<string, QuestionWord>();
  const placed: { word: string; at: number }[] = [];
  for (const row of rows) {
    const [word, ndoc, factor] = row.ndoc > 0 ? [row.word, row.ndoc, 1] : row.fixed ? [row.fixed, row.fixed_ndoc!, CORRECTED_WEIGHT] : [];
    if (!word) continue;
    const number = /\d/.test(word);
    const date = DATE_STEMS.has(word);
    if (!number && !date) placed.push(...row.positions.map((at) => ({ word, at })));
    if (words.has(word)) continue;
    const weight = (number ? NUMBER_WEIGHT : date ? DATE_WEIGHT : factor!) * idf(ndoc!, articles);
    words.set(word, { ndoc: ndoc!, weight, selects: !number && !date });
  }
  return { articles, words, pairs: pairsOf(placed, words), phrases: phrasesOf(rows[0]?.normalised ?? '') };
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
