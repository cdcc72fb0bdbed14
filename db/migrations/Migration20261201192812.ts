import { Migration } from '@mikro-orm/migrations';

export class Migration20261201192812 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "settings" ("key" varchar(255) not null, "value" text not null, "created_at" timestamptz not null, constraint "settings_pkey" primary key ("key"));`);
    // The key that signs web chat visitor cookies: made once per database, so every API instance shares it
    // and visitors keep their identity across restarts. Two random UUIDs give 244 random bits.
    this.addSql(`insert into "settings" ("key", "value", "created_at") values ('webchat_cookie_secret', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), now());`);

    this.addSql(`alter table "cases" add column "blocked_reason" varchar(255) null, add column "delivery_status" varchar(255) null, add column "delivery_error" text null;`);

    this.addSql(`alter table "customers" add column "opted_out_at" timestamptz null, add column "merged_into" uuid null;`);

    this.addSql(`alter table "customer_identities" add column "linked_by" varchar(255) not null default 'auto';`);

    this.addSql(`alter table "emulator_messages" add column "error_message" varchar(255) null;`);
    this.addSql(`create index "emulator_messages_from_index" on "emulator_messages" ("from");`);

    this.addSql(`alter table "messages" add column "status_updated_at" timestamptz null, add column "attachments" jsonb not null default '[]', add column "part" int not null default 1;`);

    this.addSql(`alter table "send_ledger" drop constraint "send_ledger_pkey";`);

    this.addSql(`alter table "send_ledger" add column "attempt" int not null default 1, add column "parts_sent" int not null default 0;`);
    this.addSql(`alter table "send_ledger" add constraint "send_ledger_pkey" primary key ("case_id", "attempt");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "settings" cascade;`);

    this.addSql(`alter table "cases" drop column "blocked_reason", drop column "delivery_status", drop column "delivery_error";`);

    this.addSql(`alter table "customer_identities" drop column "linked_by";`);

    this.addSql(`alter table "customers" drop column "opted_out_at", drop column "merged_into";`);

    this.addSql(`drop index "emulator_messages_from_index";`);
    this.addSql(`alter table "emulator_messages" drop column "error_message";`);

    this.addSql(`alter table "messages" drop column "status_updated_at", drop column "attachments", drop column "part";`);

    this.addSql(`alter table "send_ledger" drop constraint "send_ledger_pkey";`);
    this.addSql(`alter table "send_ledger" drop column "attempt", drop column "parts_sent";`);

    this.addSql(`alter table "send_ledger" add constraint "send_ledger_pkey" primary key ("case_id");`);
  }

}
