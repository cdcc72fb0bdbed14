// Writing articles: one upsert by slug for every path (GraphQL, Markdown import, the starter set).
import type { EntityManager } from '@mikro-orm/postgresql';
import { KbArticleSchema, type KbArticle } from '../db/entities/index.js';
import type { ArticleDraft } from './markdown.js';
import { refreshTerms } from './retrieval.js';

/** Creates each article, or updates the one with its slug; returns them in the order given. */
export async function upsertArticles(em: EntityManager, drafts: ArticleDraft[], actor: string): Promise<KbArticle[]> {
  return em.transactional(async (tx) => {
    const existing = await tx.find(KbArticleSchema, { slug: { $in: drafts.map((d) => d.slug) } });
    const bySlug = new Map(existing.map((article) => [article.slug, article]));
    const saved = drafts.map((draft) => {
      const found = bySlug.get(draft.slug);
      if (found) {
        tx.assign(found, { title: draft.title, body: draft.body, tags: draft.tags, updatedBy: actor });
        return found;
      }
      const created = tx.create(KbArticleSchema, { ...draft, updatedBy: actor });
      bySlug.set(draft.slug, created);
      return created;
    });
    await tx.flush();
    await refreshTerms(tx);
    return saved;
  });
}
