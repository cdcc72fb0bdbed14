// Full-text retrieval over the knowledge base, in two short statements:
//  1. The question's English stems are looked up in kb_terms (how many articles hold each word). Its rare
//     words (in at most 10% of articles, or else its rarest word) select candidates from the whole text; its
//     words in at most 25% of articles also select by title and tags. A word most articles share ("order")
//     thus selects nothing, and a 10,000-article base ranks dozens or hundreds of candidates, not thousands.
//  2. Candidates matching more of the question's distinct words come first; among those, ts_rank with the
//     title weighted above tags above body. The query is a constant, so PostgreSQL uses both GIN indexes.
import type { EntityManager } from '@mikro-orm/postgresql';

export interface Passage {
  articleId: string;
  title: string;
  /** The article's best fragments for this question, at most about 60 words. */
  text: string;
  rank: number;
}

/** A word held by more than this share of articles does not select candidates from the text… */
export const COMMON_WORD_SHARE = 0.1;
/** …nor by title and tags above this share. */
const COMMON_HEADING_SHARE = 0.25;

const WORDS_SQL = `
  with words as (select distinct w as word from unnest(tsvector_to_array(to_tsvector('english', ?))) w)
  select words.word, coalesce(t.ndoc, 0) as ndoc, coalesce((select ndoc from kb_terms where word = ''), 0) as articles
  from words left join kb_terms t on t.word = words.word`;

const SEARCH_SQL = `
  select r.id, r.title, r.rank,
    ts_headline('english', r.body, ?::tsquery, 'StartSel="", StopSel="", MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "') as text
  from (
    select a.id, a.title, a.body, ts_rank(a.search, ?::tsquery, 1) as rank,
      (select count(*) from unnest(?::text[]) w where a.search @@ quote_literal(w)::tsquery) as covered
    from kb_articles a
    where a.search @@ ?::tsquery or a.heading @@ ?::tsquery
    order by covered desc, rank desc, a.updated_at desc limit ?
  ) r order by r.covered desc, r.rank desc`;

/** Recounts kb_terms after articles were written; run in the writing transaction. '' counts the articles. */
const REFRESH_TERMS_SQL = [
  'delete from kb_terms',
  `insert into kb_terms (word, ndoc) select word, ndoc from ts_stat('select search from kb_articles')`,
  `insert into kb_terms (word, ndoc) select '', count(*) from kb_articles`,
];

/** Questions longer than this are cut: the first part of a message says what it is about. */
const MAX_QUESTION = 2_000;

// Stems are letters and digits (to_tsvector's output), but quote them anyway: they come from customers' text.
const arrayLiteral = (words: string[]) => `{${words.map((w) => `"${w.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
const orQuery = (words: string[]) => words.map((w) => `'${w.replace(/'/g, "''")}'`).join(' | ');

export async function retrievePassages(em: EntityManager, question: string, limit = 3): Promise<Passage[]> {
  const text = question.slice(0, MAX_QUESTION);
  if (!/[\p{L}\p{N}]{2,}/u.test(text)) return [];
  const stats = await em.execute<{ word: string; ndoc: number; articles: number }[]>(WORDS_SQL, [text]);
  const known = stats.filter((s) => s.ndoc > 0).sort((a, b) => a.ndoc - b.ndoc || a.word.localeCompare(b.word));
  // No stem of the question is in any article (or only stop words were given): nothing to find.
  if (known.length === 0) return [];
  const articles = known[0]!.articles;
  const rare = known.filter((s, i) => i === 0 || s.ndoc <= articles * COMMON_WORD_SHARE).map((s) => s.word);
  const heading = known.filter((s, i) => i === 0 || s.ndoc <= articles * COMMON_HEADING_SHARE).map((s) => s.word);
  const all = orQuery(known.map((s) => s.word));
  const rows = await em.execute<{ id: string; title: string; rank: number; text: string }[]>(SEARCH_SQL, [
    all, all, arrayLiteral(known.map((s) => s.word)), orQuery(rare), orQuery(heading), limit,
  ]);
  return rows.map((row) => ({ articleId: row.id, title: row.title, text: row.text.replace(/\s+/g, ' ').trim(), rank: Number(row.rank) }));
}

export async function refreshTerms(em: EntityManager): Promise<void> {
  for (const sql of REFRESH_TERMS_SQL) await em.execute(sql);
}
