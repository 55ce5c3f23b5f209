import { Migration } from '@mikro-orm/migrations';

export class Migration20261201003915 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "plans"."decision_process" ("id" uuid not null, "child_id" uuid not null, "kind" varchar(40) not null, "started_on" date not null, "steps" jsonb not null, "recorded_by" varchar(100) not null, "recorded_at" timestamptz(3) not null, constraint "decision_process_pkey" primary key ("id"));`);
    this.addSql(`create index "decision_process_child_id_started_on_index" on "plans"."decision_process" ("child_id", "started_on");`);

    this.addSql(`create table "plans"."health_assessment" ("id" uuid not null, "child_id" uuid not null, "period_id" uuid null, "assessed_on" date not null, "assessed_by" varchar(200) not null, "recorded_by" varchar(100) not null, "recorded_at" timestamptz(3) not null, constraint "health_assessment_pkey" primary key ("id"));`);
    this.addSql(`create index "health_assessment_child_id_assessed_on_index" on "plans"."health_assessment" ("child_id", "assessed_on");`);

    this.addSql(`create table "plans"."placement_planning_meeting" ("id" uuid not null, "child_id" uuid not null, "placement_id" uuid not null, "held_at" timestamptz(3) not null, "attendees" jsonb not null, "recorded_by" varchar(100) not null, "recorded_at" timestamptz(3) not null, constraint "placement_planning_meeting_pkey" primary key ("id"));`);
    this.addSql(`create index "placement_planning_meeting_placement_id_index" on "plans"."placement_planning_meeting" ("placement_id");`);
    this.addSql(`create index "placement_planning_meeting_child_id_held_at_index" on "plans"."placement_planning_meeting" ("child_id", "held_at");`);

    this.addSql(`create unique index "plan_provider_placement_unique" on "plans"."plan" ("placement_id") where "kind" = 'PROVIDER';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "plans"."decision_process" cascade;`);

    this.addSql(`drop table if exists "plans"."health_assessment" cascade;`);

    this.addSql(`drop table if exists "plans"."placement_planning_meeting" cascade;`);

    this.addSql(`drop index if exists "plans"."plan_provider_placement_unique";`);
  }

}
