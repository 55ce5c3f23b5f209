import { Migration } from '@mikro-orm/migrations';

export class Migration20261127014539 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "plans";`);
    this.addSql(`create table "plans"."audit_entry" ("id" bigserial primary key, "at" timestamptz(3) not null, "action" varchar(8) not null, "child_id" varchar(64) not null, "sub" varchar(128) not null, "roles" jsonb not null, "org" varchar(64) not null, "operation" varchar(128) null, "fields" jsonb not null, "request_id" varchar(64) not null, "service" varchar(32) not null);`);
    this.addSql(`create index "audit_entry_child_id_at_index" on "plans"."audit_entry" ("child_id", "at");`);

    this.addSql(`create table "plans"."calendar_version" ("id" varchar(64) not null, "loaded_at" timestamptz(3) not null, "loaded_by" varchar(128) not null, "source" varchar(500) not null, "data" jsonb not null, constraint "calendar_version_pkey" primary key ("id"));`);

    this.addSql(`create table "plans"."child_access" ("child_id" varchar(64) not null, "placing_authority" varchar(40) not null, "provider_windows" jsonb not null, "iro_sub" varchar(64) null, "updated_at" timestamptz(3) not null, constraint "child_access_pkey" primary key ("child_id"));`);
    this.addSql(`create index "child_access_placing_authority_index" on "plans"."child_access" ("placing_authority");`);
    this.addSql(`create index "child_access_iro_sub_index" on "plans"."child_access" ("iro_sub");`);

    this.addSql(`create table "plans"."child_fact" ("child_id" uuid not null, "placing_authority" varchar(40) not null, "date_of_birth" date null, "iro_id" varchar(64) null, "iro_name" varchar(200) null, "iro_email" varchar(200) null, "iro_phone" varchar(60) null, "updated_at" timestamptz(3) not null, constraint "child_fact_pkey" primary key ("child_id"));`);

    this.addSql(`create table "plans"."deadline" ("id" uuid not null, "child_id" uuid not null, "rule_id" varchar(40) not null, "subject_key" varchar(200) not null, "title" varchar(200) not null, "placing_authority" varchar(40) not null, "provider_id" varchar(40) null, "period_id" uuid null, "placement_id" uuid null, "due_at" timestamptz(3) not null, "due_date" date not null, "met_at" timestamptz(3) null, "not_applicable" boolean not null default false, "not_applicable_reason" text null, "basis" jsonb not null, "class" varchar(12) not null, "updated_at" timestamptz(3) not null, constraint "deadline_pkey" primary key ("id"));`);
    this.addSql(`create index "deadline_placement_id_index" on "plans"."deadline" ("placement_id");`);
    this.addSql(`create index "deadline_period_id_index" on "plans"."deadline" ("period_id");`);
    this.addSql(`create index "deadline_open_due_idx" on "plans"."deadline" ("due_at", "id") where "met_at" is null and "not_applicable" = false;`);
    this.addSql(`create index "deadline_open_provider_idx" on "plans"."deadline" ("provider_id", "due_at", "id") where "met_at" is null and "not_applicable" = false;`);
    this.addSql(`create index "deadline_open_authority_idx" on "plans"."deadline" ("placing_authority", "due_at", "id") where "met_at" is null and "not_applicable" = false;`);
    this.addSql(`create index "deadline_placing_authority_met_at_not_applicable_due_at_index" on "plans"."deadline" ("placing_authority", "met_at", "not_applicable", "due_at");`);
    this.addSql(`alter table "plans"."deadline" add constraint "deadline_child_id_rule_id_subject_key_unique" unique ("child_id", "rule_id", "subject_key");`);

    this.addSql(`create table "plans"."outbox_event" ("id" uuid not null, "type" varchar(80) not null, "aggregate_type" varchar(40) not null, "aggregate_id" varchar(64) not null, "child_id" varchar(64) null, "payload" jsonb not null, "actor" jsonb null, "occurred_at" timestamptz(3) not null, "published_at" timestamptz(3) null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "plans"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "plans"."period_fact" ("id" uuid not null, "child_id" uuid not null, "started_on" date not null, "ended_on" date null, "short_break" boolean not null default false, constraint "period_fact_pkey" primary key ("id"));`);
    this.addSql(`create index "period_fact_child_id_started_on_index" on "plans"."period_fact" ("child_id", "started_on");`);

    this.addSql(`create table "plans"."placement_fact" ("id" uuid not null, "child_id" uuid not null, "period_id" uuid null, "provider_id" varchar(40) not null, "provider_name" varchar(200) null, "provider_kind" varchar(40) null, "started_at" timestamptz(3) not null, "ended_at" timestamptz(3) null, "is_emergency" boolean not null default false, "intended_until18" boolean not null default false, "custody" boolean not null default false, "first_in_period" boolean not null default false, "last_visit_on" date null, constraint "placement_fact_pkey" primary key ("id"));`);
    this.addSql(`create index "placement_fact_open_provider_idx" on "plans"."placement_fact" ("provider_id", "child_id") where "ended_at" is null;`);
    this.addSql(`create index "placement_fact_child_id_started_at_index" on "plans"."placement_fact" ("child_id", "started_at");`);

    this.addSql(`create table "plans"."plan_circulation" ("id" uuid not null, "plan_id" uuid not null, "version" int not null, "recipient_role" varchar(20) not null, "recipient_name" varchar(200) not null, "circulated_by" varchar(100) not null, "circulated_at" timestamptz(3) not null, constraint "plan_circulation_pkey" primary key ("id"));`);
    this.addSql(`create index "plan_circulation_plan_id_index" on "plans"."plan_circulation" ("plan_id");`);

    this.addSql(`create table "plans"."plan" ("id" uuid not null, "child_id" uuid not null, "kind" varchar(12) not null, "placing_authority" varchar(40) not null, "placement_id" uuid null, "provider_id" varchar(40) null, "latest_version" int not null default 0, "created_by" varchar(100) not null, "created_at" timestamptz(3) not null, constraint "plan_pkey" primary key ("id"));`);
    this.addSql(`create index "plan_child_id_kind_index" on "plans"."plan" ("child_id", "kind");`);

    this.addSql(`create table "plans"."plan_progress" ("id" uuid not null, "plan_id" uuid not null, "objective_id" varchar(64) not null, "note" text not null, "recorded_by" varchar(100) not null, "recorded_at" timestamptz(3) not null, constraint "plan_progress_pkey" primary key ("id"));`);
    this.addSql(`create index "plan_progress_plan_id_index" on "plans"."plan_progress" ("plan_id");`);

    this.addSql(`create table "plans"."plan_version" ("id" uuid not null, "plan_id" uuid not null, "version" int not null, "status" varchar(12) not null default 'DRAFT', "content" jsonb not null, "created_by" varchar(100) not null, "created_at" timestamptz(3) not null, "submitted_by" varchar(100) null, "submitted_at" timestamptz(3) null, "endorsed_by" varchar(100) null, "endorsed_at" timestamptz(3) null, "superseded_at" timestamptz(3) null, "signed_by" varchar(100) null, "signed_at" timestamptz(3) null, constraint "plan_version_pkey" primary key ("id"));`);
    this.addSql(`create index "plan_version_plan_id_index" on "plans"."plan_version" ("plan_id");`);
    this.addSql(`alter table "plans"."plan_version" add constraint "plan_version_plan_id_version_unique" unique ("plan_id", "version");`);

    this.addSql(`create table "plans"."processed_event" ("id" uuid not null, "type" varchar(60) not null, "processed_at" timestamptz(3) not null, constraint "processed_event_pkey" primary key ("id"));`);

    this.addSql(`create table "plans"."review_fact" ("id" uuid not null, "child_id" uuid not null, "period_id" uuid not null, "sequence" int not null, "held_on" date not null, constraint "review_fact_pkey" primary key ("id"));`);
    this.addSql(`create index "review_fact_period_id_held_on_index" on "plans"."review_fact" ("period_id", "held_on");`);

    this.addSql(`create table "plans"."rule_override" ("org" varchar(40) not null, "rule_id" varchar(40) not null, "enabled" boolean not null default true, "count" int null, "updated_by" varchar(100) not null, "updated_at" timestamptz(3) not null, constraint "rule_override_pkey" primary key ("org", "rule_id"));`);
  }

}
