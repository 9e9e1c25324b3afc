import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Booking1795468457918 implements MigrationInterface {
  name = 'Booking1795468457918';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "site" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "street" text NOT NULL, "postal_code" text NOT NULL, "city" text NOT NULL, "opening_hours" text NOT NULL, "stations" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "pk_site" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "vaccination_day" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "site_id" uuid NOT NULL, "date" date NOT NULL, "opens_at" TIME NOT NULL, "closes_at" TIME NOT NULL, "slot_minutes" integer NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "doses_cap" integer NOT NULL, "doses_booked" integer NOT NULL DEFAULT '0', "doses_cap_binding" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "ck_vaccination_day_doses" CHECK ("doses_booked" >= 0 AND "doses_booked" <= "doses_cap"), CONSTRAINT "pk_vaccination_day" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_vaccination_day_date" ON "vaccination_day" ("date") `);
    await queryRunner.query(
      `CREATE TABLE "slot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "day_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "capacity_first" integer NOT NULL, "capacity_follow_up" integer NOT NULL, "capacity_booster" integer NOT NULL, "booked_first" integer NOT NULL DEFAULT '0', "booked_follow_up" integer NOT NULL DEFAULT '0', "booked_booster" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_slot_booster" CHECK ("booked_booster" >= 0 AND "booked_booster" <= "capacity_booster"), CONSTRAINT "ck_slot_follow_up" CHECK ("booked_follow_up" >= 0 AND "booked_follow_up" <= "capacity_follow_up"), CONSTRAINT "ck_slot_first" CHECK ("booked_first" >= 0 AND "booked_first" <= "capacity_first"), CONSTRAINT "pk_slot" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_slot_day_starts_at" ON "slot" ("day_id", "starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "vaccine_product" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "manufacturer" text NOT NULL, "eu_product_code" text NOT NULL, "marketing_authorisation_holder" text NOT NULL, "prophylaxis_code" text NOT NULL, "primary_doses" integer NOT NULL, "follow_up_intervals" jsonb NOT NULL, "booster_min_days_after_series" integer, "min_age_years" integer NOT NULL, "max_age_years" integer, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "pk_vaccine_product" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "booking" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "person_id" uuid NOT NULL, "product_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'active', "locale" text NOT NULL, "manage_token_hash" text NOT NULL, "manage_token_encrypted" text NOT NULL, "idempotency_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_booking" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_booking_code" ON "booking" ("code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_booking_manage_token_hash" ON "booking" ("manage_token_hash") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_booking_idempotency_key" ON "booking" ("idempotency_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_booking_active_person_product" ON "booking" ("person_id", "product_id") WHERE "status" = 'active'`);
    await queryRunner.query(
      `CREATE TABLE "appointment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booking_id" uuid NOT NULL, "slot_id" uuid NOT NULL, "dose_kind" text NOT NULL, "dose_number" integer NOT NULL, "status" text NOT NULL DEFAULT 'booked', "reminder_sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_appointment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_appointment_booking" ON "appointment" ("booking_id") `);
    await queryRunner.query(`CREATE INDEX "ix_appointment_slot" ON "appointment" ("slot_id") `);
    await queryRunner.query(
      `CREATE TABLE "lot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "product_id" uuid NOT NULL, "lot_number" text NOT NULL, "expiry_date" date NOT NULL, "doses_received" integer NOT NULL, "doses_assigned" integer NOT NULL DEFAULT '0', "doses_used" integer NOT NULL DEFAULT '0', "doses_wasted" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_lot_used" CHECK ("doses_used" >= 0 AND "doses_wasted" >= 0 AND "doses_used" + "doses_wasted" <= "doses_received"), CONSTRAINT "ck_lot_assigned" CHECK ("doses_assigned" >= 0 AND "doses_assigned" <= "doses_received"), CONSTRAINT "pk_lot" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_lot_product_number" ON "lot" ("product_id", "lot_number") `);
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "kind" text NOT NULL, "payload_encrypted" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_outbox_message" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_outbox_message_due" ON "outbox_message" ("status", "next_attempt_at") `);
    await queryRunner.query(
      `CREATE TABLE "vaccination_day_lot" ("day_id" uuid NOT NULL, "lot_id" uuid NOT NULL, "doses" integer NOT NULL, CONSTRAINT "ck_vaccination_day_lot_doses" CHECK ("doses" > 0), CONSTRAINT "pk_vaccination_day_lot" PRIMARY KEY ("day_id", "lot_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "vaccination_day" ADD CONSTRAINT "fk_vaccination_day_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "slot" ADD CONSTRAINT "fk_slot_day" FOREIGN KEY ("day_id") REFERENCES "vaccination_day"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "booking" ADD CONSTRAINT "fk_booking_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "booking" ADD CONSTRAINT "fk_booking_product" FOREIGN KEY ("product_id") REFERENCES "vaccine_product"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointment" ADD CONSTRAINT "fk_appointment_booking" FOREIGN KEY ("booking_id") REFERENCES "booking"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "appointment" ADD CONSTRAINT "fk_appointment_slot" FOREIGN KEY ("slot_id") REFERENCES "slot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lot" ADD CONSTRAINT "fk_lot_product" FOREIGN KEY ("product_id") REFERENCES "vaccine_product"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vaccination_day_lot" ADD CONSTRAINT "fk_vaccination_day_lot_day" FOREIGN KEY ("day_id") REFERENCES "vaccination_day"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vaccination_day_lot" ADD CONSTRAINT "fk_vaccination_day_lot_lot" FOREIGN KEY ("lot_id") REFERENCES "lot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vaccination_day_lot" DROP CONSTRAINT "fk_vaccination_day_lot_lot"`);
    await queryRunner.query(`ALTER TABLE "vaccination_day_lot" DROP CONSTRAINT "fk_vaccination_day_lot_day"`);
    await queryRunner.query(`ALTER TABLE "lot" DROP CONSTRAINT "fk_lot_product"`);
    await queryRunner.query(`ALTER TABLE "appointment" DROP CONSTRAINT "fk_appointment_slot"`);
    await queryRunner.query(`ALTER TABLE "appointment" DROP CONSTRAINT "fk_appointment_booking"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "fk_booking_product"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "fk_booking_person"`);
    await queryRunner.query(`ALTER TABLE "slot" DROP CONSTRAINT "fk_slot_day"`);
    await queryRunner.query(`ALTER TABLE "vaccination_day" DROP CONSTRAINT "fk_vaccination_day_site"`);
    await queryRunner.query(`DROP TABLE "vaccination_day_lot"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_message_due"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP INDEX "public"."uq_lot_product_number"`);
    await queryRunner.query(`DROP TABLE "lot"`);
    await queryRunner.query(`DROP INDEX "public"."ix_appointment_slot"`);
    await queryRunner.query(`DROP INDEX "public"."ix_appointment_booking"`);
    await queryRunner.query(`DROP TABLE "appointment"`);
    await queryRunner.query(`DROP INDEX "public"."uq_booking_active_person_product"`);
    await queryRunner.query(`DROP INDEX "public"."uq_booking_idempotency_key"`);
    await queryRunner.query(`DROP INDEX "public"."uq_booking_manage_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."uq_booking_code"`);
    await queryRunner.query(`DROP TABLE "booking"`);
    await queryRunner.query(`DROP TABLE "vaccine_product"`);
    await queryRunner.query(`DROP INDEX "public"."ix_slot_day_starts_at"`);
    await queryRunner.query(`DROP TABLE "slot"`);
    await queryRunner.query(`DROP INDEX "public"."ix_vaccination_day_date"`);
    await queryRunner.query(`DROP TABLE "vaccination_day"`);
    await queryRunner.query(`DROP TABLE "site"`);
  }
}
