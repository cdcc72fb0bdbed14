import { Migration } from '@mikro-orm/migrations';

export class Migration20261122014500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "guardrail_rule_sets" ("id" serial primary key, "config" jsonb not null, "created_by" varchar(255) not null, "created_at" timestamptz not null);`);

    this.addSql(`alter table "cases" add column "inbound_redacted" text null;`);
    this.addSql(`create index "cases_conversation_id_index" on "cases" ("conversation_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "guardrail_rule_sets" cascade;`);

    this.addSql(`drop index "cases_conversation_id_index";`);
    this.addSql(`alter table "cases" drop column "inbound_redacted";`);
  }

}
