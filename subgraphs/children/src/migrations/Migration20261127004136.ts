import { Migration } from '@mikro-orm/migrations';

export class Migration20261127004136 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "children";`);
    this.addSql(`create table "children"."audit_entry" ("id" bigserial primary key, "at" timestamptz(3) not null, "action" varchar(8) not null, "child_id" varchar(64) not null, "sub" varchar(128) not null, "roles" jsonb not null, "org" varchar(64) not null, "operation" varchar(128) null, "fields" jsonb not null, "request_id" varchar(64) not null, "service" varchar(32) not null);`);
    this.addSql(`create index "audit_entry_child_id_at_index" on "children"."audit_entry" ("child_id", "at");`);

    this.addSql(`create table "children"."authority" ("code" varchar(40) not null, "name" varchar(200) not null, "notification_email" varchar(500) null, constraint "authority_pkey" primary key ("code"));`);

    this.addSql(`create table "children"."child_access" ("child_id" varchar(64) not null, "placing_authority" varchar(40) not null, "provider_windows" jsonb not null, "iro_sub" varchar(64) null, "updated_at" timestamptz(3) not null, constraint "child_access_pkey" primary key ("child_id"));`);
    this.addSql(`create index "child_access_placing_authority_index" on "children"."child_access" ("placing_authority");`);
    this.addSql(`create index "child_access_iro_sub_index" on "children"."child_access" ("iro_sub");`);

    this.addSql(`create table "children"."child" ("id" uuid not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "date_of_birth" date not null, "sex" varchar(20) null, "ethnicity" varchar(40) null, "religion" varchar(100) null, "language" varchar(100) null, "gender_identity" varchar(100) null, "placing_authority" varchar(40) not null, "social_worker_name" varchar(200) null, "social_worker_email" varchar(200) null, "personal_adviser_name" varchar(200) null, "date_of_death" date null, "case_reference" varchar(64) null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null, constraint "child_pkey" primary key ("id"));`);
    this.addSql(`create index "child_placing_authority_id_index" on "children"."child" ("placing_authority", "id");`);

    this.addSql(`create table "children"."legal_status" ("id" uuid not null, "child_id" uuid not null, "code" varchar(4) not null, "started_on" date not null, "ended_on" date null, constraint "legal_status_pkey" primary key ("id"));`);
    this.addSql(`create index "legal_status_child_id_started_on_index" on "children"."legal_status" ("child_id", "started_on");`);

    this.addSql(`create table "children"."outbox_event" ("id" uuid not null, "type" varchar(80) not null, "aggregate_type" varchar(40) not null, "aggregate_id" varchar(64) not null, "child_id" varchar(64) null, "payload" jsonb not null, "actor" jsonb null, "occurred_at" timestamptz(3) not null, "published_at" timestamptz(3) null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "children"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "children"."period_of_care" ("id" uuid not null, "child_id" uuid not null, "started_on" date not null, "ended_on" date null, "reason_ceased" varchar(8) null, "short_break" boolean not null default false, constraint "period_of_care_pkey" primary key ("id"));`);
    this.addSql(`create index "period_of_care_child_id_started_on_index" on "children"."period_of_care" ("child_id", "started_on");`);

    this.addSql(`create table "children"."placement" ("id" uuid not null, "child_id" uuid not null, "period_of_care_id" uuid not null, "provider_id" varchar(40) not null, "started_at" timestamptz(3) not null, "ended_at" timestamptz(3) null, "placement_type" varchar(4) not null, "is_emergency" boolean not null default false, "is_out_of_area" boolean not null default false, "intended_until18" boolean not null default false, "custody" boolean not null default false, "address" varchar(500) null, "end_reason" varchar(8) null, "created_at" timestamptz(3) not null, constraint "placement_pkey" primary key ("id"));`);
    this.addSql(`create index "placement_provider_id_started_at_index" on "children"."placement" ("provider_id", "started_at");`);
    this.addSql(`create index "placement_child_id_started_at_index" on "children"."placement" ("child_id", "started_at");`);

    this.addSql(`create table "children"."provider" ("id" varchar(40) not null, "name" varchar(200) not null, "kind" varchar(40) not null, "urn" varchar(20) null, "host_authority" varchar(40) null, constraint "provider_pkey" primary key ("id"));`);

    this.addSql(`create table "children"."significant_event" ("id" uuid not null, "child_id" uuid not null, "kind" varchar(40) not null, "occurred_at" timestamptz(3) not null, "summary" varchar(500) not null, "details" text null, "placement_id" uuid null, "provider_id" varchar(40) null, "duration_days" int null, "recorded_by" varchar(128) not null, "recorded_by_org" varchar(64) not null, "recorded_at" timestamptz(3) not null, constraint "significant_event_pkey" primary key ("id"));`);
    this.addSql(`create index "significant_event_child_id_occurred_at_index" on "children"."significant_event" ("child_id", "occurred_at");`);

    this.addSql(`create table "children"."visit" ("id" uuid not null, "child_id" uuid not null, "placement_id" uuid null, "visited_on" date not null, "visitor" varchar(200) not null, "seen_alone" boolean not null, "welfare_concern" boolean not null default false, constraint "visit_pkey" primary key ("id"));`);
    this.addSql(`create index "visit_child_id_visited_on_index" on "children"."visit" ("child_id", "visited_on");`);
  }

}
