import { Migration } from '@mikro-orm/migrations';

export class Migration20261203104500 extends Migration {

  override async up(): Promise<void> {
    // A tag of several words is a phrase customers use for the article ("where is my order"). English stemming
    // drops "where", "is" and "my" as stop words, so phrases are kept apart, lower-case words separated by one
    // space, and a question matches a phrase it contains word for word. kb_phrase() normalises both sides.
    this.addSql(`create function kb_phrase(value text) returns text language sql immutable parallel safe as $$
      select trim(regexp_replace(lower(value), '[^[:alnum:]]+', ' ', 'g')) $$;`);
    this.addSql(`create function kb_tag_phrases(tags text[]) returns text[] language sql immutable parallel safe as $$
      select coalesce(array_agg(distinct phrase order by phrase), '{}') from (select kb_phrase(tag) as phrase from unnest(tags) tag) p
      where phrase like '% %' $$;`);
    this.addSql(`alter table "kb_articles" add column "phrases" text[] generated always as (kb_tag_phrases("tags")) stored;`);
    this.addSql(`create index "kb_articles_phrases_index" on "kb_articles" using gin ("phrases") with (fastupdate = off);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "kb_articles_phrases_index";`);
    this.addSql(`alter table "kb_articles" drop column "phrases";`);
    this.addSql(`drop function kb_tag_phrases(text[]);`);
    this.addSql(`drop function kb_phrase(text);`);
  }

}
