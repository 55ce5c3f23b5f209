import { Migration } from '@mikro-orm/migrations';

export class Migration20261201004718 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "children"."care_leaver_status" ("id" uuid not null, "child_id" uuid not null, "birthday" int not null, "in_touch" varchar(4) not null, "activity" varchar(2) not null, "accommodation" varchar(2) not null, "recorded_at" timestamptz(3) not null, constraint "care_leaver_status_pkey" primary key ("id"));`);
    this.addSql(`alter table "children"."care_leaver_status" add constraint "care_leaver_status_child_id_birthday_unique" unique ("child_id", "birthday");`);

    this.addSql(`create table "children"."missing_episode" ("id" uuid not null, "child_id" uuid not null, "kind" varchar(1) not null, "started_on" date not null, "ended_on" date null, "recorded_at" timestamptz(3) not null, constraint "missing_episode_pkey" primary key ("id"));`);
    this.addSql(`create index "missing_episode_child_id_started_on_index" on "children"."missing_episode" ("child_id", "started_on");`);
    this.addSql(`alter table "children"."missing_episode" add constraint "missing_episode_child_id_started_on_kind_unique" unique ("child_id", "started_on", "kind");`);

    this.addSql(`create table "children"."ssda903_child" ("child_id" uuid not null, "upn" varchar(13) null, "mother_child_dob" date null, "updated_at" timestamptz(3) not null, constraint "ssda903_child_pkey" primary key ("child_id"));`);

    this.addSql(`create table "children"."ssda903_period" ("period_of_care_id" uuid not null, "child_id" uuid not null, "need_code" varchar(2) null, "home_postcode" varchar(8) null, constraint "ssda903_period_pkey" primary key ("period_of_care_id"));`);
    this.addSql(`create index "ssda903_period_child_id_index" on "children"."ssda903_period" ("child_id");`);

    this.addSql(`create table "children"."ssda903_placement" ("placement_id" uuid not null, "child_id" uuid not null, "place_provider" varchar(3) null, "postcode" varchar(8) null, "urn" varchar(8) null, constraint "ssda903_placement_pkey" primary key ("placement_id"));`);
    this.addSql(`create index "ssda903_placement_child_id_index" on "children"."ssda903_placement" ("child_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "children"."care_leaver_status" cascade;`);

    this.addSql(`drop table if exists "children"."missing_episode" cascade;`);

    this.addSql(`drop table if exists "children"."ssda903_child" cascade;`);

    this.addSql(`drop table if exists "children"."ssda903_period" cascade;`);

    this.addSql(`drop table if exists "children"."ssda903_placement" cascade;`);
  }

}
