import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * One knowledge-base article the drafter may quote. `search` is a stored generated tsvector (title weighted
 * above tags above body) maintained by PostgreSQL itself; see the migration that made it.
 */
export const KbArticleSchema = defineEntity({
  name: 'KbArticle',
  tableName: 'kb_articles',
  properties: (p) => ({
    id: p.uuid().primary().onCreate(() => randomUUID()),
    /** Where an imported article came from (its file name), so importing again updates it instead of adding one. */
    slug: p.string().unique(),
    title: p.string(),
    body: p.text(),
    tags: p.array().$type<string[]>().default('{}'),
    updatedBy: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type KbArticle = InferEntity<typeof KbArticleSchema>;
