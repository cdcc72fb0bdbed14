// The knowledge base over GraphQL: everyone reads it (reviewers see what drafts cite), admins write it.
import { AuditEventSchema, KbArticleSchema, type KbArticle } from '../../../db/entities/index.js';
import { upsertArticles } from '../../../knowledge/articles.js';
import { MarkdownArticleError, MAX_ARTICLE_BODY, parseMarkdownArticle, slugOf, type ArticleDraft } from '../../../knowledge/markdown.js';
import { refreshTerms, retrievePassages } from '../../../knowledge/retrieval.js';
import { isUuid } from '../../customers/customer-records.js';
import { ADMINS, requireUser } from '../context.js';
import { pageSize } from '../cursor.js';
import { codedError } from '../errors.js';
import type { ArticleInput, Resolvers } from '../generated/resolvers-types.js';

const MAX_IMPORT_FILES = 200;
const MAX_TAGS = 20;

function draftOf(input: ArticleInput): ArticleDraft {
  const title = input.title.trim();
  const body = input.body.trim();
  const problems: string[] = [];
  if (!title) problems.push('title is required');
  if (title.length > 255) problems.push('title is longer than 255 characters');
  if (!body) problems.push('body is required');
  if (body.length > MAX_ARTICLE_BODY) problems.push(`body is longer than ${MAX_ARTICLE_BODY} characters`);
  const tags = [...new Set((input.tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
  if (tags.length > MAX_TAGS) problems.push(`at most ${MAX_TAGS} tags`);
  const slug = slugOf(input.slug?.trim() || title);
  if (!slug) problems.push('slug must have letters or digits');
  if (problems.length) throw codedError('BAD_INPUT', problems.join('; '));
  return { slug, title, body, tags };
}

const view = (row: KbArticle) => ({
  id: row.id, slug: row.slug, title: row.title, body: row.body, tags: row.tags, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString(),
});

export const articleResolvers: Resolvers = {
  Query: {
    async articles(_, { search, first }, ctx) {
      requireUser(ctx);
      const size = pageSize(first, 50, 200);
      if (search?.trim()) {
        const passages = await retrievePassages(ctx.em, search, size, { sentences: false });
        const rows = await ctx.em.find(KbArticleSchema, { id: { $in: passages.map((p) => p.articleId) } });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return passages.flatMap((p) => (byId.has(p.articleId) ? [view(byId.get(p.articleId)!)] : []));
      }
      return (await ctx.em.find(KbArticleSchema, {}, { orderBy: { updatedAt: 'desc' }, limit: size })).map(view);
    },
    async article(_, { id }, ctx) {
      requireUser(ctx);
      const row = isUuid(id) ? await ctx.em.findOne(KbArticleSchema, { id }) : null;
      return row ? view(row) : null;
    },
  },
  Mutation: {
    async createArticle(_, { input }, ctx) {
      const admin = requireUser(ctx, ADMINS);
      const draft = draftOf(input);
      if (await ctx.em.count(KbArticleSchema, { slug: draft.slug })) throw codedError('BAD_INPUT', `there is an article "${draft.slug}" already`);
      const [row] = await upsertArticles(ctx.em, [draft], admin.email);
      ctx.em.create(AuditEventSchema, { actor: admin.email, type: 'article_saved', detail: { articleId: row!.id, slug: row!.slug, title: row!.title } });
      await ctx.em.flush();
      return view(row!);
    },
    async updateArticle(_, { id, input }, ctx) {
      const admin = requireUser(ctx, ADMINS);
      const row = isUuid(id) ? await ctx.em.findOne(KbArticleSchema, { id }) : null;
      if (!row) throw codedError('NOT_FOUND', `no article ${id}`);
      const draft = draftOf({ ...input, slug: input.slug ?? row.slug });
      if (draft.slug !== row.slug && await ctx.em.count(KbArticleSchema, { slug: draft.slug })) {
        throw codedError('BAD_INPUT', `there is an article "${draft.slug}" already`);
      }
      ctx.em.assign(row, { ...draft, updatedBy: admin.email });
      ctx.em.create(AuditEventSchema, { actor: admin.email, type: 'article_saved', detail: { articleId: row.id, slug: row.slug, title: row.title } });
      await ctx.em.flush();
      await refreshTerms(ctx.em);
      return view(row);
    },
    async deleteArticle(_, { id }, ctx) {
      const admin = requireUser(ctx, ADMINS);
      const row = isUuid(id) ? await ctx.em.findOne(KbArticleSchema, { id }) : null;
      if (!row) throw codedError('NOT_FOUND', `no article ${id}`);
      ctx.em.remove(row);
      ctx.em.create(AuditEventSchema, { actor: admin.email, type: 'article_deleted', detail: { articleId: row.id, slug: row.slug, title: row.title } });
      await ctx.em.flush();
      await refreshTerms(ctx.em);
      return true;
    },
    async importArticles(_, { files }, ctx) {
      const admin = requireUser(ctx, ADMINS);
      if (files.length === 0 || files.length > MAX_IMPORT_FILES) throw codedError('BAD_INPUT', `give 1 to ${MAX_IMPORT_FILES} files`);
      const problems: string[] = [];
      const drafts = files.flatMap((file) => {
        try {
          return [parseMarkdownArticle(file.name, file.content)];
        } catch (error) {
          if (error instanceof MarkdownArticleError) problems.push(error.message);
          else throw error;
          return [];
        }
      });
      const seen = new Set<string>();
      for (const draft of drafts) {
        if (seen.has(draft.slug)) problems.push(`two files give the article "${draft.slug}"`);
        seen.add(draft.slug);
      }
      if (problems.length) throw codedError('BAD_INPUT', problems.join('; '));
      const rows = await upsertArticles(ctx.em, drafts, admin.email);
      ctx.em.create(AuditEventSchema, { actor: admin.email, type: 'articles_imported', detail: { slugs: rows.map((r) => r.slug) } });
      await ctx.em.flush();
      return rows.map(view);
    },
  },
};
