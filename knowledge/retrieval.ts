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
import { idf, lexeme, readQuestion } from './question-words.js';
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
/** Words in more than this share of articles choose no candidates at all ("order" in a shop's help centre)… */
const VERY_COMMON_SHARE = 0.25;
/** …and of the articles holding the question's other common words in title or tags, the ones holding most are scored, up to this many. */
const MAX_COMMON_CANDIDATES = 200;
const TAGS_WEIGHT = 0.7;
const BODY_WEIGHT = 0.4;
/** ts_rank of one mention in a title, with FIELD_WEIGHTS: what a word's full weight is scored for. */
const ONE_TITLE_MENTION = 1 / 1.64493406685;
const FIELD_WEIGHTS = `{0,${BODY_WEIGHT},${TAGS_WEIGHT},1}`;
/** Questions longer than this are cut: the first part of a message says what it is about. */
const MAX_QUESTION = 2_000;

const searchSql = (words: number, pairs: number) => `
  with words as (select quote_literal(w)::tsquery as q, weight from unnest(?::text[], ?::float8[]) x(w, weight)),
  ranked as (
    select a.id, a.title, a.body,
      (${Array.from({ length: words }, () => `?::float8 * ts_rank('${FIELD_WEIGHTS}', a.search, ?::tsquery, 0)`).join(' + ')}) / ${ONE_TITLE_MENTION}
      ${Array.from({ length: pairs }, () => '+ case when a.search @@ ?::tsquery then ?::float8 else 0 end').join(' ')}
      + case when a.phrases && ?::text[] then ?::float8 * (select count(*) from unnest(a.phrases) p where p = any(?::text[])) else 0 end as score
    from kb_articles a join (
      select id from kb_articles where search @@ ?::tsquery or heading @@ ?::tsquery or phrases && ?::text[]
      union (select id from kb_articles where heading @@ ?::tsquery order by ts_rank(heading, ?::tsquery) desc, id limit ${MAX_COMMON_CANDIDATES})
    ) candidate using (id)
    order by score desc, a.updated_at desc, a.id limit ?
  )
  select r.id, r.title, r.score, case when ?::boolean then ${sentencesSql('r.body')} end as sentences
  from ranked r order by r.score desc`;

/** Recounts kb_terms after articles were written; run in the writing transaction. '' counts the articles. */
const REFRESH_TERMS_SQL = [
  'delete from kb_terms',
  `insert into kb_terms (word, ndoc) select word, ndoc from ts_stat('select search from kb_articles')`,
  `insert into kb_terms (word, ndoc) select '', count(*) from kb_articles`,
];

const arrayLiteral = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
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
  // Only very common words (or only numbers and dates): the articles holding the rarest most in title or tags.
  if (heading.length === 0 && common.length === 0) common.push((selecting[0] ?? known[0]!)[0]);
  const phraseList = arrayLiteral(phrases);
  const rows = await em.execute<{ id: string; title: string; score: number; sentences: { text: string; score: number }[] | null }[]>(
    searchSql(known.length, pairs.size), [
      arrayLiteral(known.map(([word]) => word)), `{${known.map(([, w]) => w.weight).join(',')}}`,
      ...known.flatMap(([word, w]) => [w.weight, lexeme(word)]),
      ...[...pairs].flatMap(([query, weight]) => [query, weight]),
      phraseList, idf(1, articles), phraseList,
      orQuery(rare), orQuery(heading), phraseList, orQuery(common), orQuery(common), limit,
      options.sentences !== false, ...sentenceParameters,
    ]);
  return rows.map((row) => ({
    articleId: row.id, title: row.title, score: Number(row.score), sentences: chooseSentences(row.sentences ?? []),
  }));
}

export async function refreshTerms(em: EntityManager): Promise<void> {
  for (const sql of REFRESH_TERMS_SQL) await em.execute(sql);
}
