import { Migration } from '@mikro-orm/migrations';

export class Migration20261121235234 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "policy_versions" ("id" serial primary key, "overrides" jsonb not null, "created_by" varchar(255) not null, "created_at" timestamptz not null);`);

    this.addSql(`alter table "cases" add column "policy_version" int null, add column "claimed_by" varchar(255) null, add column "claimed_until" timestamptz null, add column "would_auto_send" boolean null, add column "superseded_by" varchar(255) null, add column "draft_error" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "policy_versions" cascade;`);

    this.addSql(`alter table "cases" drop column "policy_version", drop column "claimed_by", drop column "claimed_until", drop column "would_auto_send", drop column "superseded_by", drop column "draft_error";`);
  }

}
