import { gql } from '../composables/useGraphQL';

export interface Article {
  id: string;
  slug: string;
  title: string;
  body: string;
  tags: string[];
  updatedBy: string;
  updatedAt: string;
}

export interface ArticleInput {
  title: string;
  body: string;
  tags: string[];
}

export interface IntentQuality {
  intent: string;
  decided: number;
  approvedAsIs: number;
  edited: number;
  rejected: number;
  acceptanceRate: number;
  editRate: number;
  meanEditDistance: number | null;
  meanRawConfidence: number;
  meanCalibratedConfidence: number;
  shadowWouldSend: number;
  shadowApprovedAsIs: number;
}

const ARTICLE_FIELDS = 'id slug title body tags updatedBy updatedAt';

export const ARTICLES_QUERY = gql<{ articles: Article[] }, { search?: string }>(`
  query Articles($search: String) { articles(search: $search, first: 200) { ${ARTICLE_FIELDS} } }
`);

export const CREATE_ARTICLE_MUTATION = gql<{ createArticle: Article }, { input: ArticleInput }>(`
  mutation CreateArticle($input: ArticleInput!) { createArticle(input: $input) { ${ARTICLE_FIELDS} } }
`);

export const UPDATE_ARTICLE_MUTATION = gql<{ updateArticle: Article }, { id: string; input: ArticleInput }>(`
  mutation UpdateArticle($id: ID!, $input: ArticleInput!) { updateArticle(id: $id, input: $input) { ${ARTICLE_FIELDS} } }
`);

export const DELETE_ARTICLE_MUTATION = gql<{ deleteArticle: boolean }, { id: string }>(`
  mutation DeleteArticle($id: ID!) { deleteArticle(id: $id) }
`);

export const IMPORT_ARTICLES_MUTATION = gql<{ importArticles: Article[] }, { files: { name: string; content: string }[] }>(`
  mutation ImportArticles($files: [MarkdownFileInput!]!) { importArticles(files: $files) { ${ARTICLE_FIELDS} } }
`);

export const DRAFTING_QUALITY_QUERY = gql<{ draftingQuality: IntentQuality[] }, { sinceDays: number }>(`
  query DraftingQuality($sinceDays: Int!) {
    draftingQuality(sinceDays: $sinceDays) {
      intent decided approvedAsIs edited rejected acceptanceRate editRate meanEditDistance
      meanRawConfidence meanCalibratedConfidence shadowWouldSend shadowApprovedAsIs
    }
  }
`);
