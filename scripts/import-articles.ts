// `npm run kb:import -- FILE.md|FOLDER ...`: creates or updates knowledge-base articles from Markdown files
// (front matter title and tags, or a "# " heading as title; the file name is the article's slug).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { initOrm } from '../db/orm.js';
import { upsertArticles } from '../knowledge/articles.js';
import { parseMarkdownArticle, type ArticleDraft } from '../knowledge/markdown.js';
import { readArticleFolder } from '../knowledge/starter.js';
import { loadConfig } from '../runtime/config.js';

const paths = process.argv.slice(2);
const config = loadConfig();
if (!config.databaseUrl || paths.length === 0) {
  console.error('usage: DATABASE_URL=postgres://… npm run kb:import -- FILE.md|FOLDER ...');
  process.exit(1);
}
const drafts: ArticleDraft[] = paths.flatMap((target) => statSync(target).isDirectory()
  ? readArticleFolder(target)
  : [parseMarkdownArticle(path.basename(target), readFileSync(target, 'utf8'))]);
const orm = await initOrm({ clientUrl: config.databaseUrl });
try {
  const saved = await upsertArticles(orm.em.fork(), drafts, 'kb:import');
  for (const article of saved) console.log(`✓ ${article.slug}: ${article.title}`);
} finally {
  await orm.close();
}
