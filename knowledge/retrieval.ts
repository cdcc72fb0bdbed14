// Retrieval over the knowledge base, inside PostgreSQL, in two statements: one reads the question
// (knowledge/question-words.ts: its words weighted by rarity, misspellings, neighbouring words, phrases), the
// other ranks articles by it. An article scores, for each word, the word's weight times ts_rank of that word
// alone with its title counting 1, its tags TAGS_WEIGHT and its text BODY_WEIGHT (a further mention adds a
// little); for two neighbouring words of the question found close together, a share of the weaker; and for
// each phrase tag the question contains word for word ("where is my order"), as much as a title word only that
// article holds: the admin said the article answers that. Only candidates are scored: articles holding a
// rarer word, holding a less common one in title or tags, or with a matching phrase — through GIN indexes,
// so a 10,000-article base scores hundreds of articles, not all of them. With each article come the sentences
// it would be quoted by (knowledge/sentences.ts).
import type { EntityManager } from '@mikro-orm/postgresql';
import { arrayLiteral, idf, lexeme, readQuestion } from './question-words.js';
import { chooseSentences, sentenceParameters, sentencesSql } from './sentences.js';

export interface Passage {
  articleId: string;
  title: string;
  /** Whole sentences of the article's text, those sharing most with the question, in the article's order. */
  sentences: string[];
  score: number;
}

/** A word held by more than this share of articles (and by over MIN_SELECTING) chooses no candidates by its text… */
export const COMMON_WORD_SHARE = 0.02;
/** …nor by title and tags above this share. */
const COMMON_HEADING_SHARE = 0.1;
/** In a small knowledge base every word chooses candidates: scoring a few hundred articles is cheap. */
const MIN_SELECTING = 200;
/** Words in more than this share of articles choose no candidates ("order" in a shop's help centre)… */
const VERY_COMMON_SHARE = 0.25;
/** …and of the articles holding the question's other common words in title or tags, at most this many are scored. */
const MAX_COMMON_CANDIDATES = 200;
const TAGS_WEIGHT = 0.7;
const BODY_WEIGHT = 0.4;
/** ts_rank of one mention in a title, with FIELD_WEIGHTS: what a word's full weight is scored for. */
const ONE_TITLE_MENTION = 1 / 1.64493406685;
const FIELD_WEIGHTS = `{0,${BODY_WEIGHT},${TAGS_WEIGHT},1}`;
/** Questions longer than this are cut: the first part of a message says what it is about. */
const MAX_QUESTION = 2_000;

// Candidates: articles holding a rarer word of the question, a less common one in title or tags, or a phrase
// it contains (main); those holding a common word and another of the question in title or tags, the ones
// holding its common words most first; and, when nothing else was found, those holding its rarest word
// most in title or tags.
const CANDIDATE = 'select id, title, search, phrases, updated_at from kb_articles';
const MAIN = 'search @@ ?::tsquery or heading @@ ?::tsquery or phrases && ?::text[]';
const searchSql = (words: number, pairs: number) => `
  with words as (select quote_literal(w)::tsquery as q, weight from unnest(?::text[], ?::float8[]) x(w, weight)),
  main as (${CANDIDATE} where ${MAIN}),
  candidates as (
    select * from main
    union all (${CANDIDATE} where heading @@ ?::tsquery and not coalesce(${MAIN}, false)
      order by ts_rank(heading, ?::tsquery) desc, id limit ${MAX_COMMON_CANDIDATES})
    union all (${CANDIDATE} where heading @@ ?::tsquery and not exists (select from main)
      order by ts_rank(heading, ?::tsquery) desc, id limit ${MAX_COMMON_CANDIDATES})
  ),
  ranked as (
    select c.id, c.title,
      (${Array.from({ length: words }, () => `?::float8 * ts_rank('${FIELD_WEIGHTS}', c.search, ?::tsquery, 0)`).join(' + ')}) / ${ONE_TITLE_MENTION}
      ${Array.from({ length: pairs }, () => '+ case when c.search @@ ?::tsquery then ?::float8 else 0 end').join(' ')}
      + case when c.phrases && ?::text[] then ?::float8 * (select count(*) from unnest(c.phrases) p where p = any(?::text[])) else 0 end as score
    from candidates c order by score desc, c.updated_at desc, c.id limit ?
  )
  select r.id, r.title, r.score,
    case when ?::boolean then ${sentencesSql('(select body from kb_articles b where b.id = r.id)')} end as sentences
  from ranked r order by r.score desc`;

/** Recounts kb_terms after articles were written; run in the writing transaction. '' counts the articles. */
const REFRESH_TERMS_SQL = [
  'delete from kb_terms',
  `insert into kb_terms (word, ndoc) select word, ndoc from ts_stat('select search from kb_articles')`,
  `insert into kb_terms (word, ndoc) select '', count(*) from kb_articles`,
];

// null matches nothing, and PostgreSQL drops the condition before it reads a row.
const orQuery = (words: string[]) => (words.length ? words.map(lexeme).join(' | ') : null);

export interface RetrieveOptions {
  /** false: rank articles only (the console's search), without choosing sentences to quote. */
  sentences?: boolean;
}

export async function retrievePassages(em: EntityManager, question: string, limit = 3, options: RetrieveOptions = {}): Promise<Passage[]> {
  const text = question.slice(0, MAX_QUESTION);
  if (!/[\p{L}\p{N}]{2,}/u.test(text)) return [];
  const { articles, words, pairs, phrases } = await readQuestion(em, text);
  // No word of the question is in any article (or only stop words were given): nothing to find.
  if (words.size === 0) return [];
  const known = [...words].sort(([a, x], [b, y]) => x.ndoc - y.ndoc || a.localeCompare(b));
  const selecting = known.filter(([, w]) => w.selects);
  const under = (share: number) => selecting.filter(([, w]) => w.ndoc <= Math.max(articles * share, MIN_SELECTING)).map(([word]) => word);
  const rare = under(COMMON_WORD_SHARE);
  const heading = under(COMMON_HEADING_SHARE);
  const common = selecting.map(([word]) => word).filter((word) => !heading.includes(word) && words.get(word)!.ndoc <= articles * VERY_COMMON_SHARE);
  // A common word chooses the articles holding it and another word of the question in title or tags.
  const commonPairs = common.flatMap((word, i) => [...common.slice(i + 1), ...heading].map((other) => `(${lexeme(word)} & ${lexeme(other)})`));
  // Only common words (or only numbers and dates), and no phrase: the articles holding the rarest most in title or tags.
  const rarest = heading.length ? [] : [(selecting[0] ?? known[0]!)[0]];
  const phraseList = arrayLiteral(phrases);
  const main = [orQuery(rare), orQuery(heading), phraseList];
  const rows = await em.execute<{ id: string; title: string; score: number; sentences: { text: string; score: number }[] | null }[]>(
    searchSql(known.length, pairs.size), [
      arrayLiteral(known.map(([word]) => word)), `{${known.map(([, w]) => w.weight).join(',')}}`,
      ...main, commonPairs.join(' | ') || null, ...main, orQuery(common), orQuery(rarest), orQuery(rarest),
      ...known.flatMap(([word, w]) => [w.weight, lexeme(word)]),
      ...[...pairs].flatMap(([query, weight]) => [query, weight]),
      phraseList, idf(1, articles), phraseList, limit,
      options.sentences !== false, ...sentenceParameters,
    ]);
  return rows.map((row) => ({
    articleId: row.id, title: row.title, score: Number(row.score), sentences: chooseSentences(row.sentences ?? []),
  }));
}

export async function refreshTerms(em: EntityManager): Promise<void> {
  for (const sql of REFRESH_TERMS_SQL) await em.execute(sql);
}
