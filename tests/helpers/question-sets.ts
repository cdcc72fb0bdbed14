// The questions retrieval is judged by: the starter set (knowledge/starter/questions.json) and customers'
// paraphrases written before tuning (tests/fixtures/customer-questions.json), which bench:drafting and the
// retrieval-quality test both score.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityManager } from '@mikro-orm/postgresql';
import { retrievePassages } from '../../knowledge/retrieval.js';
import { STARTER_DIR } from '../../knowledge/starter.js';

export interface LabelledQuestion {
  question: string;
  /** The slug of the article that answers it. */
  article: string;
  half?: 'tune' | 'held-out' | 'fresh';
}

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export const starterQuestions = (): LabelledQuestion[] =>
  JSON.parse(readFileSync(path.join(STARTER_DIR, 'questions.json'), 'utf8')) as LabelledQuestion[];

export const customerQuestions = (): LabelledQuestion[] =>
  (JSON.parse(readFileSync(path.join(FIXTURES, 'customer-questions.json'), 'utf8')) as { questions: LabelledQuestion[] }).questions;

/**
 * Written by someone who saw only the articles' titles and bodies, never the tags or the search code: the
 * first set after the first tuning, the second (customer-questions-unseen-2.json) before loanwords and
 * synonyms were added. Only reported, never tuned on.
 */
export const unseenQuestions = (set: 1 | 2 = 1): LabelledQuestion[] =>
  (JSON.parse(readFileSync(path.join(FIXTURES, `customer-questions-unseen${set === 1 ? '' : '-2'}.json`), 'utf8')) as { questions: LabelledQuestion[] }).questions;

export interface RetrievalQuality {
  questions: number;
  top1: number;
  top3: number;
  /** Questions whose article was not first: "question → slugs found". */
  misses: string[];
}

/** How often each question's article comes first, and in the top 3, of what retrieval returns. */
export async function retrievalQuality(em: EntityManager, questions: LabelledQuestion[]): Promise<RetrievalQuality> {
  const slugs = new Map((await em.execute<{ id: string; slug: string }[]>('select id, slug from kb_articles')).map((r) => [r.id, r.slug]));
  const quality: RetrievalQuality = { questions: questions.length, top1: 0, top3: 0, misses: [] };
  for (const { question, article } of questions) {
    const found = (await retrievePassages(em.fork(), question, 3)).map((p) => slugs.get(p.articleId));
    if (found[0] === article) quality.top1++;
    else quality.misses.push(`${question} → ${found.join(', ') || 'nothing'}`);
    if (found.includes(article)) quality.top3++;
  }
  return quality;
}
