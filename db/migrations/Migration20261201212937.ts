import { Migration } from '@mikro-orm/migrations';

export class Migration20261201212937 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "audit_events_type_actor_created_at_index" on "audit_events" ("type", "actor", "created_at");`);
    this.addSql(`create index "audit_events_created_at_index" on "audit_events" ("created_at");`);

    this.addSql(`alter table "cases" add column "draft_reasoning" text null, add column "draft_model" varchar(255) null;`);
    // The queue's text search (cases(filter: { search })): word matching with the 'simple' configuration, so
    // order numbers and names match as typed, in any language.
    this.addSql(`create index "cases_inbound_text_search_index" on "cases" using gin (to_tsvector('simple', "inbound_text"));`);
    // The dashboard and the newest-first list read a time range across stages.
    this.addSql(`create index "cases_created_at_index" on "cases" ("created_at");`);
    // PostgreSQL does not index foreign keys by itself; a customer's history and a conversation read by these.
    this.addSql(`create index "conversations_customer_id_index" on "conversations" ("customer_id");`);
    this.addSql(`create index "customer_identities_customer_id_index" on "customer_identities" ("customer_id");`);
    this.addSql(`create index "messages_conversation_id_index" on "messages" ("conversation_id");`);

    this.addSql(`alter table "users" add column "disabled_at" timestamptz null, add column "last_login_at" timestamptz null;`);

    this.addSql(`alter table "api_tokens" add column "kind" text check ("kind" in ('bearer', 'session')) not null default 'bearer', add column "name" varchar(255) not null default '', add column "last_used_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_tokens" drop column "kind", drop column "name", drop column "last_used_at";`);

    this.addSql(`drop index "audit_events_type_actor_created_at_index";`);
    this.addSql(`drop index "audit_events_created_at_index";`);

    this.addSql(`drop index "cases_inbound_text_search_index";`);
    this.addSql(`drop index "cases_created_at_index";`);
    this.addSql(`drop index "conversations_customer_id_index";`);
    this.addSql(`drop index "customer_identities_customer_id_index";`);
    this.addSql(`drop index "messages_conversation_id_index";`);
    this.addSql(`alter table "cases" drop column "draft_reasoning", drop column "draft_model";`);

    this.addSql(`alter table "users" drop column "disabled_at", drop column "last_login_at";`);
  }

}
