import { Migration } from '@mikro-orm/migrations';

/** The reg 8 recipients of refusals of contact, with their channel and address (CON-REG8). */
export class Migration20261201020100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notifications"."child_contact" ("contact_id" varchar(64) not null, "child_id" varchar(64) not null, "name" varchar(200) not null, "relationship" varchar(30) not null, "channel" varchar(10) not null, "address" varchar(500) null, "placing_authority" varchar(40) null, constraint "child_contact_pkey" primary key ("contact_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."child_contact" cascade;`);
  }

}
