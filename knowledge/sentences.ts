// What a passage quotes of an article: whole sentences of its text, exactly as written there, never a
// fragment. PostgreSQL splits the text and scores each sentence by the question's words (in the statement
// knowledge/retrieval.ts runs); chooseSentences() keeps the best that fit a text message.

/** How much of an article a passage quotes: a text message's worth of whole sentences. */
export const PASSAGE_CHARACTERS = 320;

// A sentence ends with . ! or ? (and a closing quote or bracket) before a capital or a digit; a paragraph, a
// list item and a heading end one too. Markdown list markers and heading hashes are not part of a sentence,
// and a line without closing punctuation (a heading, a bare list item) is none. Bound as parameters: the ORM
// reads every "?" in a statement as a placeholder.
const SENTENCE_BREAK = `(?<=[.!?]["')”’]?)\\s+(?=["“‘(]?[[:upper:][:digit:]])|\\n\\s*\\n|\\n(?=\\s*([-*+]|[0-9]+[.)]|#+)\\s)`;
const SENTENCE_END = `[.!?]["')”’]*$`;
const LINE_MARKER = `^\\s*([-*+]|[0-9]+[.)]|#+)\\s+`;

/**
 * A JSON array of `{ text, score }`, one per sentence of `body` in order; the score sums the weights of the
 * words (a `words(q tsquery, weight)` relation of the statement) the sentence holds. Its parameters, in
 * order, are `sentenceParameters`.
 */
export const sentencesSql = (body: string) => `(
  select json_agg(json_build_object('text', s.text, 'score', s.score) order by s.i) from (
    select x.i, x.text, (select coalesce(sum(w.weight), 0) from words w where to_tsvector('english', x.text) @@ w.q) as score
    from (
      select part.i, trim(regexp_replace(regexp_replace(part.s, ?, ''), '\\s+', ' ', 'g')) as text
      from regexp_split_to_table(${body}, ?) with ordinality part(s, i)
    ) x where x.text ~ ?
  ) s)`;
export const sentenceParameters = [LINE_MARKER, SENTENCE_BREAK, SENTENCE_END];

/** The most relevant sentences that fit in `budget` characters (always at least one), in the article's order. */
export function chooseSentences(sentences: { text: string; score: number }[], budget = PASSAGE_CHARACTERS): string[] {
  const byRelevance = sentences.map((s, i) => ({ ...s, i })).sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen: typeof byRelevance = [];
  let length = 0;
  for (const sentence of byRelevance) {
    if (chosen.length && length + 1 + sentence.text.length > budget) continue;
    length += (chosen.length ? 1 : 0) + sentence.text.length;
    chosen.push(sentence);
  }
  return chosen.sort((a, b) => a.i - b.i).map((s) => s.text);
}
