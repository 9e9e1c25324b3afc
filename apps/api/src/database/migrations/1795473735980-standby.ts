import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Standby1795473735980 implements MigrationInterface {
  name = 'Standby1795473735980';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "standby_announcement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "site_id" uuid NOT NULL, "product_id" uuid NOT NULL, "doses" integer NOT NULL, "taken" integer NOT NULL DEFAULT '0', "available_until" TIMESTAMP WITH TIME ZONE NOT NULL, "offer_minutes" integer NOT NULL DEFAULT '30', "overbooking_factor" numeric(4,2) NOT NULL DEFAULT '1.5', "status" text NOT NULL DEFAULT 'open', "announced_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_standby_announcement_doses" CHECK ("doses" > 0), CONSTRAINT "ck_standby_announcement_taken" CHECK ("taken" >= 0 AND "taken" <= "doses"), CONSTRAINT "pk_standby_announcement" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_standby_announcement_open" ON "standby_announcement" ("status", "available_until") `);
    await queryRunner.query(
      `CREATE TABLE "standby_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "registration_id" uuid, "booking_id" uuid, "given_name_encrypted" text NOT NULL, "email_encrypted" text NOT NULL, "phone_encrypted" text, "birth_date_encrypted" text NOT NULL, "locale" text NOT NULL, "priority_rank" integer, "site_ids" uuid array NOT NULL DEFAULT '{}', "time_windows" jsonb NOT NULL DEFAULT '[]', "quiet_from" TIME, "quiet_to" TIME, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_standby_member" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_standby_member_registration" ON "standby_member" ("registration_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_standby_member_booking" ON "standby_member" ("booking_id") `);
    await queryRunner.query(`CREATE INDEX "ix_standby_member_order" ON "standby_member" ("active", "priority_rank", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "standby_offer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "announcement_id" uuid NOT NULL, "member_id" uuid NOT NULL, "token_hash" text NOT NULL, "status" text NOT NULL DEFAULT 'offered', "wave" integer NOT NULL, "offered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_standby_offer_member" UNIQUE ("announcement_id", "member_id"), CONSTRAINT "pk_standby_offer" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_standby_offer_token_hash" ON "standby_offer" ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "ix_standby_offer_throttle" ON "standby_offer" ("member_id", "offered_at") `);
    await queryRunner.query(
      `ALTER TABLE "standby_announcement" ADD CONSTRAINT "fk_standby_announcement_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "standby_announcement" ADD CONSTRAINT "fk_standby_announcement_product" FOREIGN KEY ("product_id") REFERENCES "vaccine_product"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "standby_member" ADD CONSTRAINT "fk_standby_member_registration" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "standby_member" ADD CONSTRAINT "fk_standby_member_booking" FOREIGN KEY ("booking_id") REFERENCES "booking"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "standby_offer" ADD CONSTRAINT "fk_standby_offer_announcement" FOREIGN KEY ("announcement_id") REFERENCES "standby_announcement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "standby_offer" ADD CONSTRAINT "fk_standby_offer_member" FOREIGN KEY ("member_id") REFERENCES "standby_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "standby_offer" DROP CONSTRAINT "fk_standby_offer_member"`);
    await queryRunner.query(`ALTER TABLE "standby_offer" DROP CONSTRAINT "fk_standby_offer_announcement"`);
    await queryRunner.query(`ALTER TABLE "standby_member" DROP CONSTRAINT "fk_standby_member_booking"`);
    await queryRunner.query(`ALTER TABLE "standby_member" DROP CONSTRAINT "fk_standby_member_registration"`);
    await queryRunner.query(`ALTER TABLE "standby_announcement" DROP CONSTRAINT "fk_standby_announcement_product"`);
    await queryRunner.query(`ALTER TABLE "standby_announcement" DROP CONSTRAINT "fk_standby_announcement_site"`);
    await queryRunner.query(`DROP INDEX "public"."ix_standby_offer_throttle"`);
    await queryRunner.query(`DROP INDEX "public"."uq_standby_offer_token_hash"`);
    await queryRunner.query(`DROP TABLE "standby_offer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_standby_member_order"`);
    await queryRunner.query(`DROP INDEX "public"."uq_standby_member_booking"`);
    await queryRunner.query(`DROP INDEX "public"."uq_standby_member_registration"`);
    await queryRunner.query(`DROP TABLE "standby_member"`);
    await queryRunner.query(`DROP INDEX "public"."ix_standby_announcement_open"`);
    await queryRunner.query(`DROP TABLE "standby_announcement"`);
  }
}
