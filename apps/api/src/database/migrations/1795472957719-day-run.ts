import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DayRun1795472957719 implements MigrationInterface {
  name = 'DayRun1795472957719';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "questionnaire" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "questions" jsonb NOT NULL, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_questionnaire" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_questionnaire_version" ON "questionnaire" ("version") `);
    await queryRunner.query(
      `CREATE TABLE "person_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "version" integer NOT NULL, "given_name_encrypted" text NOT NULL, "family_name_encrypted" text NOT NULL, "email_encrypted" text NOT NULL, "birth_date_encrypted" text NOT NULL, "phone_encrypted" text, "employee_number_encrypted" text, "reason_encrypted" text NOT NULL, "changed_by" text NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_person_revision" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_person_revision_person" ON "person_revision" ("person_id", "version") `);
    await queryRunner.query(
      `CREATE TABLE "visit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "appointment_id" uuid NOT NULL, "day_id" uuid NOT NULL, "person_id" uuid NOT NULL, "state" text NOT NULL, "walk_in" boolean NOT NULL DEFAULT false, "checked_in_at" TIMESTAMP WITH TIME ZONE, "checked_in_by" text, "identity_document" text, "questionnaire_version" integer, "answers_encrypted" text, "consent_at" TIMESTAMP WITH TIME ZONE, "observation_until" TIMESTAMP WITH TIME ZONE, "checked_out_at" TIMESTAMP WITH TIME ZONE, "no_show_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "pk_visit" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_visit_appointment" ON "visit" ("appointment_id") `);
    await queryRunner.query(`CREATE INDEX "ix_visit_person" ON "visit" ("person_id") `);
    await queryRunner.query(`CREATE INDEX "ix_visit_day_state" ON "visit" ("day_id", "state") `);
    await queryRunner.query(
      `CREATE TABLE "vaccination" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "visit_id" uuid, "product_id" uuid NOT NULL, "lot_id" uuid NOT NULL, "site_id" uuid NOT NULL, "dose_number" integer NOT NULL, "series_doses" integer NOT NULL, "dose_number_reason_encrypted" text, "injection_site" text NOT NULL, "route" text NOT NULL, "vaccinator" text NOT NULL, "documented_by" text NOT NULL, "administered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'valid', "supersedes_id" uuid, "correction_reason_encrypted" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_vaccination_dose_number" CHECK ("dose_number" >= 1 AND "dose_number" <= 20), CONSTRAINT "pk_vaccination" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_vaccination_site_day" ON "vaccination" ("site_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_vaccination_visit_valid" ON "vaccination" ("visit_id") WHERE "status" = 'valid' AND "visit_id" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_vaccination_person" ON "vaccination" ("person_id", "administered_at") `);
    await queryRunner.query(
      `CREATE TABLE "adverse_reaction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vaccination_id" uuid NOT NULL, "severity" text NOT NULL, "description_encrypted" text NOT NULL, "recorded_by" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_adverse_reaction" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_adverse_reaction_vaccination" ON "adverse_reaction" ("vaccination_id") `);
    await queryRunner.query(
      `CREATE TABLE "lot_waste" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "lot_id" uuid NOT NULL, "day_id" uuid, "doses" integer NOT NULL, "reason" text NOT NULL, "recorded_by" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_lot_waste_doses" CHECK ("doses" > 0), CONSTRAINT "pk_lot_waste" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_lot_waste_lot" ON "lot_waste" ("lot_id") `);
    await queryRunner.query(`CREATE INDEX "ix_lot_waste_day" ON "lot_waste" ("day_id") `);
    await queryRunner.query(
      `ALTER TABLE "person_revision" ADD CONSTRAINT "fk_person_revision_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit" ADD CONSTRAINT "fk_visit_appointment" FOREIGN KEY ("appointment_id") REFERENCES "appointment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit" ADD CONSTRAINT "fk_visit_day" FOREIGN KEY ("day_id") REFERENCES "vaccination_day"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "visit" ADD CONSTRAINT "fk_visit_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vaccination" ADD CONSTRAINT "fk_vaccination_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vaccination" ADD CONSTRAINT "fk_vaccination_visit" FOREIGN KEY ("visit_id") REFERENCES "visit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vaccination" ADD CONSTRAINT "fk_vaccination_product" FOREIGN KEY ("product_id") REFERENCES "vaccine_product"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vaccination" ADD CONSTRAINT "fk_vaccination_lot" FOREIGN KEY ("lot_id") REFERENCES "lot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vaccination" ADD CONSTRAINT "fk_vaccination_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vaccination" ADD CONSTRAINT "fk_vaccination_supersedes" FOREIGN KEY ("supersedes_id") REFERENCES "vaccination"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "adverse_reaction" ADD CONSTRAINT "fk_adverse_reaction_vaccination" FOREIGN KEY ("vaccination_id") REFERENCES "vaccination"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lot_waste" ADD CONSTRAINT "fk_lot_waste_lot" FOREIGN KEY ("lot_id") REFERENCES "lot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lot_waste" ADD CONSTRAINT "fk_lot_waste_day" FOREIGN KEY ("day_id") REFERENCES "vaccination_day"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lot_waste" DROP CONSTRAINT "fk_lot_waste_day"`);
    await queryRunner.query(`ALTER TABLE "lot_waste" DROP CONSTRAINT "fk_lot_waste_lot"`);
    await queryRunner.query(`ALTER TABLE "adverse_reaction" DROP CONSTRAINT "fk_adverse_reaction_vaccination"`);
    await queryRunner.query(`ALTER TABLE "vaccination" DROP CONSTRAINT "fk_vaccination_supersedes"`);
    await queryRunner.query(`ALTER TABLE "vaccination" DROP CONSTRAINT "fk_vaccination_site"`);
    await queryRunner.query(`ALTER TABLE "vaccination" DROP CONSTRAINT "fk_vaccination_lot"`);
    await queryRunner.query(`ALTER TABLE "vaccination" DROP CONSTRAINT "fk_vaccination_product"`);
    await queryRunner.query(`ALTER TABLE "vaccination" DROP CONSTRAINT "fk_vaccination_visit"`);
    await queryRunner.query(`ALTER TABLE "vaccination" DROP CONSTRAINT "fk_vaccination_person"`);
    await queryRunner.query(`ALTER TABLE "visit" DROP CONSTRAINT "fk_visit_person"`);
    await queryRunner.query(`ALTER TABLE "visit" DROP CONSTRAINT "fk_visit_day"`);
    await queryRunner.query(`ALTER TABLE "visit" DROP CONSTRAINT "fk_visit_appointment"`);
    await queryRunner.query(`ALTER TABLE "person_revision" DROP CONSTRAINT "fk_person_revision_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_lot_waste_day"`);
    await queryRunner.query(`DROP INDEX "public"."ix_lot_waste_lot"`);
    await queryRunner.query(`DROP TABLE "lot_waste"`);
    await queryRunner.query(`DROP INDEX "public"."ix_adverse_reaction_vaccination"`);
    await queryRunner.query(`DROP TABLE "adverse_reaction"`);
    await queryRunner.query(`DROP INDEX "public"."ix_vaccination_person"`);
    await queryRunner.query(`DROP INDEX "public"."uq_vaccination_visit_valid"`);
    await queryRunner.query(`DROP INDEX "public"."ix_vaccination_site_day"`);
    await queryRunner.query(`DROP TABLE "vaccination"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_day_state"`);
    await queryRunner.query(`DROP INDEX "public"."ix_visit_person"`);
    await queryRunner.query(`DROP INDEX "public"."uq_visit_appointment"`);
    await queryRunner.query(`DROP TABLE "visit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_revision_person"`);
    await queryRunner.query(`DROP TABLE "person_revision"`);
    await queryRunner.query(`DROP INDEX "public"."uq_questionnaire_version"`);
    await queryRunner.query(`DROP TABLE "questionnaire"`);
  }
}
