// The starter knowledge base (knowledge/starter/*.md): a small shop's help articles, so `npm start` drafts
// from something on first run. Imported only into an empty knowledge base; admins replace it at will.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityManager } from '@mikro-orm/postgresql';
import { KbArticleSchema } from '../db/entities/index.js';
import { upsertArticles } from './articles.js';
import { parseMarkdownArticle, type ArticleDraft } from './markdown.js';

export const STARTER_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'starter');

/** Every Markdown file of a folder as articles, in file-name order. */
export function readArticleFolder(folder: string): ArticleDraft[] {
  return readdirSync(folder).filter((file) => /\.(md|markdown)$/i.test(file)).sort()
    .map((file) => parseMarkdownArticle(file, readFileSync(path.join(folder, file), 'utf8')));
}

export async function seedStarterArticles(em: EntityManager): Promise<number> {
  if (await em.count(KbArticleSchema, {})) return 0;
  return (await upsertArticles(em, readArticleFolder(STARTER_DIR), 'starter')).length;
}
