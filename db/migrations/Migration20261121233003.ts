import { Migration } from '@mikro-orm/migrations';

export class Migration20261121233003 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_events" ("id" bigserial primary key, "case_id" varchar(255) null, "actor" varchar(255) not null, "type" varchar(255) not null, "detail" jsonb not null default '{}', "created_at" timestamptz not null);`);
    this.addSql(`create index "audit_events_case_id_index" on "audit_events" ("case_id");`);

    this.addSql(`create table "cases" ("id" varchar(255) not null, "channel" varchar(255) not null, "stage" varchar(255) not null, "customer_id" uuid not null, "conversation_id" uuid not null, "inbound_message_id" uuid not null, "inbound_text" text not null, "intent" varchar(255) null, "confidence" double precision null, "escalation_level" int not null default 0, "deadline" timestamptz null, "draft" text null, "reply" text null, "classification" varchar(255) null, "findings" jsonb not null default '[]', "decision" varchar(255) null, "decided_by" varchar(255) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "cases_pkey" primary key ("id"));`);
    this.addSql(`create index "cases_customer_id_index" on "cases" ("customer_id");`);
    this.addSql(`create index "cases_stage_created_at_index" on "cases" ("stage", "created_at");`);

    this.addSql(`create table "customers" ("id" uuid not null, "display_name" varchar(255) null, "created_at" timestamptz not null, constraint "customers_pkey" primary key ("id"));`);

    this.addSql(`create table "conversations" ("id" uuid not null, "customer_id" uuid not null, "channel" varchar(255) not null, "customer_address" varchar(255) not null, "business_address" varchar(255) not null, "created_at" timestamptz not null, "last_message_at" timestamptz not null, constraint "conversations_pkey" primary key ("id"));`);
    this.addSql(`alter table "conversations" add constraint "conversations_channel_customer_address_business_address_unique" unique ("channel", "customer_address", "business_address");`);

    this.addSql(`create table "customer_identities" ("id" uuid not null, "customer_id" uuid not null, "channel" varchar(255) not null, "address" varchar(255) not null, "created_at" timestamptz not null, constraint "customer_identities_pkey" primary key ("id"));`);
    this.addSql(`alter table "customer_identities" add constraint "customer_identities_channel_address_unique" unique ("channel", "address");`);

    this.addSql(`create table "emulator_messages" ("sid" varchar(255) not null, "account_sid" varchar(255) not null, "direction" varchar(255) not null, "from" varchar(255) not null, "to" varchar(255) not null, "body" text not null, "status" varchar(255) not null, "status_callback" text null, "num_segments" int not null, "error_code" int null, "date_created" timestamptz not null, "date_updated" timestamptz not null, constraint "emulator_messages_pkey" primary key ("sid"));`);
    this.addSql(`create index "emulator_messages_to_index" on "emulator_messages" ("to");`);

    this.addSql(`create table "messages" ("id" uuid not null, "conversation_id" uuid not null, "case_id" varchar(255) not null, "direction" text check ("direction" in ('inbound', 'outbound')) not null, "channel" varchar(255) not null, "provider_message_id" varchar(255) not null, "body" text not null, "status" varchar(255) null, "error_code" varchar(255) null, "created_at" timestamptz not null, constraint "messages_pkey" primary key ("id"));`);
    this.addSql(`create index "messages_case_id_index" on "messages" ("case_id");`);
    this.addSql(`alter table "messages" add constraint "messages_channel_direction_provider_message_id_unique" unique ("channel", "direction", "provider_message_id");`);

    this.addSql(`create table "send_ledger" ("case_id" varchar(255) not null, "body" text not null, "status" text check ("status" in ('pending', 'accepted')) not null, "provider_message_id" varchar(255) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "send_ledger_pkey" primary key ("case_id"));`);

    this.addSql(`create table "users" ("id" uuid not null, "email" varchar(255) not null, "password_hash" varchar(255) not null, "role" text check ("role" in ('REVIEWER', 'SUPERVISOR', 'ADMIN')) not null, "created_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(`create table "api_tokens" ("id" uuid not null, "user_id" uuid not null, "token_hash" varchar(255) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "api_tokens_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_tokens" add constraint "api_tokens_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "conversations" add constraint "conversations_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "customer_identities" add constraint "customer_identities_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "messages" add constraint "messages_conversation_id_foreign" foreign key ("conversation_id") references "conversations" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_tokens" add constraint "api_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    // The audit log is append-only by the database's rule, not by convention.
    this.addSql(`create function audit_events_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_events is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege'; end $$;`);
    this.addSql(`create trigger audit_events_no_update_delete before update or delete on "audit_events"
      for each row execute function audit_events_append_only();`);
    this.addSql(`create trigger audit_events_no_truncate before truncate on "audit_events"
      for each statement execute function audit_events_append_only();`);
  }

}
