// Knowledge-base articles from Markdown files: an optional front matter block (title, tags), else the first
// "# " heading is the title. Pure, so the CLI import, the GraphQL import and the tests read files alike.

export interface ArticleDraft {
  slug: string;
  title: string;
  body: string;
  tags: string[];
}

export class MarkdownArticleError extends Error {
  override name = 'MarkdownArticleError';
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
export const MAX_ARTICLE_BODY = 50_000;

export function slugOf(name: string): string {
  return name.replace(/\.(md|markdown)$/i, '').toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

export function parseMarkdownArticle(fileName: string, source: string): ArticleDraft {
  const slug = slugOf(fileName.split(/[\\/]/).pop() ?? fileName);
  if (!slug) throw new MarkdownArticleError(`${fileName}: the file name gives no article id`);
  let text = source.replace(/^\uFEFF/, '');
  const meta: Record<string, string> = {};
  const front = FRONT_MATTER.exec(text);
  if (front) {
    for (const line of front[1]!.split(/\r?\n/)) {
      const match = /^([a-z]+):\s*(.*)$/i.exec(line.trim());
      if (match) meta[match[1]!.toLowerCase()] = match[2]!.trim();
    }
    text = text.slice(front[0].length);
  }
  let title = meta.title?.replace(/^["']|["']$/g, '');
  if (!title) {
    const heading = /^#\s+(.+)$/m.exec(text);
    if (heading) {
      title = heading[1]!.trim();
      text = text.replace(heading[0], '');
    }
  }
  if (!title) throw new MarkdownArticleError(`${fileName}: no title (front matter "title:" or a "# " heading)`);
  const body = text.trim();
  if (!body) throw new MarkdownArticleError(`${fileName}: the article has no text`);
  if (body.length > MAX_ARTICLE_BODY) throw new MarkdownArticleError(`${fileName}: longer than ${MAX_ARTICLE_BODY} characters`);
  const tags = (meta.tags ?? '').replace(/^\[|\]$/g, '').split(',').map((tag) => tag.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
  return { slug, title: title.slice(0, 255), body, tags };
}
