import { Migration } from '@mikro-orm/migrations';

export class Migration20261127014918 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "reviews";`);
    this.addSql(`create table "reviews"."audit_entry" ("id" bigserial primary key, "at" timestamptz(3) not null, "action" varchar(8) not null, "child_id" varchar(64) not null, "sub" varchar(128) not null, "roles" jsonb not null, "org" varchar(64) not null, "operation" varchar(128) null, "fields" jsonb not null, "request_id" varchar(64) not null, "service" varchar(32) not null);`);
    this.addSql(`create index "audit_entry_child_id_at_index" on "reviews"."audit_entry" ("child_id", "at");`);

    this.addSql(`create table "reviews"."calendar_version" ("id" varchar(64) not null, "loaded_at" timestamptz(3) not null, "loaded_by" varchar(128) not null, "source" varchar(500) not null, "data" jsonb not null, constraint "calendar_version_pkey" primary key ("id"));`);

    this.addSql(`create table "reviews"."child_access" ("child_id" varchar(64) not null, "placing_authority" varchar(40) not null, "provider_windows" jsonb not null, "iro_sub" varchar(64) null, "updated_at" timestamptz(3) not null, constraint "child_access_pkey" primary key ("child_id"));`);
    this.addSql(`create index "child_access_placing_authority_index" on "reviews"."child_access" ("placing_authority");`);
    this.addSql(`create index "child_access_iro_sub_index" on "reviews"."child_access" ("iro_sub");`);

    this.addSql(`create table "reviews"."early_review_trigger" ("id" uuid not null, "child_id" varchar(64) not null, "period_of_care_id" varchar(64) not null, "trigger" varchar(40) not null, "triggered_on" date not null, "target_due_by" date not null, "source_event_id" varchar(64) null, "created_at" timestamptz(3) not null, constraint "early_review_trigger_pkey" primary key ("id"));`);
    this.addSql(`create index "early_review_trigger_period_of_care_id_triggered_on_index" on "reviews"."early_review_trigger" ("period_of_care_id", "triggered_on");`);

    this.addSql(`create table "reviews"."iro_assignment" ("id" uuid not null, "child_id" varchar(64) not null, "iro_id" varchar(64) not null, "name" varchar(200) not null, "email" varchar(200) null, "phone" varchar(40) null, "assigned_on" date not null, "ended_on" date null, "assigned_at" timestamptz(3) not null, constraint "iro_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "iro_assignment_iro_id_index" on "reviews"."iro_assignment" ("iro_id");`);
    this.addSql(`create index "iro_assignment_child_id_assigned_at_index" on "reviews"."iro_assignment" ("child_id", "assigned_at");`);

    this.addSql(`create table "reviews"."looked_after_review" ("id" uuid not null, "child_id" varchar(64) not null, "period_of_care_id" varchar(64) not null, "sequence" int not null, "scheduled_for" date null, "held_on" date null, "participation" varchar(4) null, "adjourned_on" date null, "decisions" jsonb not null, "decisions_circulated_on" date null, "report_issued_on" date null, "consulted_on" date null, "outcome_star_captured_on" date null, "outcome_star_tool" varchar(20) null, "created_at" timestamptz(3) not null, constraint "looked_after_review_pkey" primary key ("id"));`);
    this.addSql(`create index "looked_after_review_child_id_sequence_index" on "reviews"."looked_after_review" ("child_id", "sequence");`);
    this.addSql(`alter table "reviews"."looked_after_review" add constraint "looked_after_review_period_of_care_id_sequence_unique" unique ("period_of_care_id", "sequence");`);

    this.addSql(`create table "reviews"."outbox_event" ("id" uuid not null, "type" varchar(80) not null, "aggregate_type" varchar(40) not null, "aggregate_id" varchar(64) not null, "child_id" varchar(64) null, "payload" jsonb not null, "actor" jsonb null, "occurred_at" timestamptz(3) not null, "published_at" timestamptz(3) null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "reviews"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "reviews"."period_of_care" ("id" varchar(64) not null, "child_id" varchar(64) not null, "started_on" date not null, "ended_on" date null, "short_break" boolean not null default false, constraint "period_of_care_pkey" primary key ("id"));`);
    this.addSql(`create index "period_of_care_child_id_started_on_index" on "reviews"."period_of_care" ("child_id", "started_on");`);

    this.addSql(`create table "reviews"."processed_event" ("event_id" varchar(64) not null, "type" varchar(80) not null, "processed_at" timestamptz(3) not null, constraint "processed_event_pkey" primary key ("event_id"));`);

    this.addSql(`create table "reviews"."review_child" ("child_id" varchar(64) not null, "placing_authority" varchar(40) not null, "date_of_birth" date null, "name" varchar(250) null, "updated_at" timestamptz(3) not null, constraint "review_child_pkey" primary key ("child_id"));`);

    this.addSql(`create table "reviews"."review_request" ("id" uuid not null, "child_id" varchar(64) not null, "reason" varchar(30) not null, "details" text null, "requested_at" timestamptz(3) not null, "requested_by" varchar(128) not null, "provider_id" varchar(64) null, "outcome" varchar(20) not null default 'PENDING', "response_note" text null, "responded_at" timestamptz(3) null, "escalated_at" timestamptz(3) null, "escalate_by" date not null, constraint "review_request_pkey" primary key ("id"));`);
    this.addSql(`create index "review_request_outcome_escalate_by_index" on "reviews"."review_request" ("outcome", "escalate_by");`);
    this.addSql(`create index "review_request_child_id_requested_at_index" on "reviews"."review_request" ("child_id", "requested_at");`);
  }

}
