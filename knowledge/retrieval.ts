// Full-text retrieval over the knowledge base: any of the question's words may match (an OR query of its
// English stems). Articles matching more of the question's distinct words come first; among those, ts_rank
// with the title weighted above tags above body. Counting words first keeps a word every article has
// ("order") from outranking the words that say what the question is about ("arrived broken").
import type { EntityManager } from '@mikro-orm/postgresql';

export interface Passage {
  articleId: string;
  title: string;
  /** The article's best fragments for this question, at most about 60 words. */
  text: string;
  rank: number;
}

const SEARCH_SQL = `
  with q as (
    select replace(plainto_tsquery('english', ?)::text, ' & ', ' | ')::tsquery as query,
      tsvector_to_array(to_tsvector('english', ?)) as words
  ),
  ranked as (
    select a.id, a.title, a.body, ts_rank(a.search, q.query, 1) as rank,
      (select count(*) from unnest(q.words) w where a.search @@ quote_literal(w)::tsquery) as covered
    from kb_articles a, q where a.search @@ q.query
    order by covered desc, rank desc, a.updated_at desc limit ?
  )
  select r.id, r.title, r.rank,
    ts_headline('english', r.body, q.query, 'StartSel="", StopSel="", MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "') as text
  from ranked r, q order by r.covered desc, r.rank desc`;

/** Questions longer than this are cut: the first part of a message says what it is about. */
const MAX_QUESTION = 2_000;

export async function retrievePassages(em: EntityManager, question: string, limit = 3): Promise<Passage[]> {
  const words = question.slice(0, MAX_QUESTION);
  // No stem survives (only stop words or symbols): nothing to look for, and an empty tsquery would only warn.
  if (!/[\p{L}\p{N}]{2,}/u.test(words)) return [];
  const rows = await em.execute<{ id: string; title: string; rank: number; text: string }[]>(SEARCH_SQL, [words, words, limit]);
  return rows.map((row) => ({ articleId: row.id, title: row.title, text: row.text.replace(/\s+/g, ' ').trim(), rank: Number(row.rank) }));
}
