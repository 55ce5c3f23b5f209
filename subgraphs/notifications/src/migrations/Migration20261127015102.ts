import { Migration } from '@mikro-orm/migrations';

export class Migration20261127015102 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "notifications";`);
    this.addSql(`create table "notifications"."audit_entry" ("id" bigserial primary key, "at" timestamptz(3) not null, "action" varchar(8) not null, "child_id" varchar(64) not null, "sub" varchar(128) not null, "roles" jsonb not null, "org" varchar(64) not null, "operation" varchar(128) null, "fields" jsonb not null, "request_id" varchar(64) not null, "service" varchar(32) not null);`);
    this.addSql(`create index "audit_entry_child_id_at_index" on "notifications"."audit_entry" ("child_id", "at");`);

    this.addSql(`create table "notifications"."authority_endpoint" ("code" varchar(64) not null, "webhook_url" varchar(500) null, "webhook_secret" varchar(200) null, "email" varchar(320) null, "updated_at" timestamptz(3) not null, constraint "authority_endpoint_pkey" primary key ("code"));`);

    this.addSql(`create table "notifications"."calendar_version" ("id" varchar(64) not null, "loaded_at" timestamptz(3) not null, "loaded_by" varchar(128) not null, "source" varchar(500) not null, "data" jsonb not null, constraint "calendar_version_pkey" primary key ("id"));`);

    this.addSql(`create table "notifications"."child_access" ("child_id" varchar(64) not null, "placing_authority" varchar(40) not null, "provider_windows" jsonb not null, "iro_sub" varchar(64) null, "updated_at" timestamptz(3) not null, constraint "child_access_pkey" primary key ("child_id"));`);
    this.addSql(`create index "child_access_placing_authority_index" on "notifications"."child_access" ("placing_authority");`);
    this.addSql(`create index "child_access_iro_sub_index" on "notifications"."child_access" ("iro_sub");`);

    this.addSql(`create table "notifications"."iro_contact" ("child_id" varchar(64) not null, "iro_sub" varchar(64) not null, "name" varchar(200) null, "email" varchar(320) null, "updated_at" timestamptz(3) not null, constraint "iro_contact_pkey" primary key ("child_id"));`);

    this.addSql(`create table "notifications"."notification" ("id" uuid not null, "event_id" uuid not null, "event_type" varchar(60) not null, "rule_id" varchar(40) not null, "child_id" varchar(64) null, "placing_authority" varchar(40) null, "recipient_kind" varchar(30) not null, "recipient_key" varchar(120) not null, "recipient_code" varchar(64) null, "recipient_name" varchar(200) not null, "channel" varchar(10) not null, "address" varchar(500) null, "subject" varchar(300) not null, "body" text not null, "due_at" timestamptz(3) not null, "due_basis" text not null, "status" varchar(12) not null default 'PENDING', "attempts" int not null default 0, "last_error" text null, "delivery_note" text null, "discard_reason" text null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, "delivered_at" timestamptz(3) null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_child_id_index" on "notifications"."notification" ("child_id");`);
    this.addSql(`create index "notification_placing_authority_index" on "notifications"."notification" ("placing_authority");`);
    this.addSql(`create index "notification_status_created_at_index" on "notifications"."notification" ("status", "created_at");`);
    this.addSql(`alter table "notifications"."notification" add constraint "notification_event_id_rule_id_recipient_key_unique" unique ("event_id", "rule_id", "recipient_key");`);

    this.addSql(`create table "notifications"."outbox_event" ("id" uuid not null, "type" varchar(80) not null, "aggregate_type" varchar(40) not null, "aggregate_id" varchar(64) not null, "child_id" varchar(64) null, "payload" jsonb not null, "actor" jsonb null, "occurred_at" timestamptz(3) not null, "published_at" timestamptz(3) null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "notifications"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "notifications"."processed_event" ("id" uuid not null, "type" varchar(60) not null, "processed_at" timestamptz(3) not null, constraint "processed_event_pkey" primary key ("id"));`);
  }

}
