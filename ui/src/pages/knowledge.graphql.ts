import { graphql } from '../generated';
import type { ArticleFieldsFragment, DraftingQualityQuery } from '../generated/graphql';

graphql(`
  fragment ArticleFields on Article { id slug title body tags updatedBy updatedAt }
`);

export const ARTICLES_QUERY = graphql(`
  query Articles($search: String) { articles(search: $search, first: 200) { ...ArticleFields } }
`);

export const CREATE_ARTICLE_MUTATION = graphql(`
  mutation CreateArticle($input: ArticleInput!) { createArticle(input: $input) { ...ArticleFields } }
`);

export const UPDATE_ARTICLE_MUTATION = graphql(`
  mutation UpdateArticle($id: ID!, $input: ArticleInput!) { updateArticle(id: $id, input: $input) { ...ArticleFields } }
`);

export const DELETE_ARTICLE_MUTATION = graphql(`
  mutation DeleteArticle($id: ID!) { deleteArticle(id: $id) }
`);

export const IMPORT_ARTICLES_MUTATION = graphql(`
  mutation ImportArticles($files: [MarkdownFileInput!]!) { importArticles(files: $files) { ...ArticleFields } }
`);

export const DRAFTING_QUALITY_QUERY = graphql(`
  query DraftingQuality($sinceDays: Int!) {
    draftingQuality(sinceDays: $sinceDays) {
      intent decided approvedAsIs edited rejected acceptanceRate editRate meanEditDistance
      meanRawConfidence meanCalibratedConfidence shadowWouldSend shadowApprovedAsIs
    }
  }
`);

export type Article = ArticleFieldsFragment;
export type IntentQuality = DraftingQualityQuery['draftingQuality'][number];
export type { ArticleInput } from '../generated/graphql';
