import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795465402338 implements MigrationInterface {
  name = 'Initial1795465402338';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_subject" text NOT NULL, "actor_kind" text NOT NULL, "action" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid, "request_id" text NOT NULL, "client_ip" text NOT NULL, CONSTRAINT "pk_audit_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_event_occurred_at" ON "audit_event" ("occurred_at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_event_subject" ON "audit_event" ("subject_type", "subject_id", "occurred_at") `);
    await queryRunner.query(
      `CREATE TABLE "staff_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email_encrypted" text NOT NULL, "email_index" text NOT NULL, "display_name_encrypted" text NOT NULL, "password_hash" text NOT NULL, "roles" text array NOT NULL, "must_change_password" boolean NOT NULL DEFAULT false, "last_sign_in_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_staff_account" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_account_email_index" ON "staff_account" ("email_index") `);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "given_name_encrypted" text NOT NULL, "family_name_encrypted" text NOT NULL, "email_encrypted" text NOT NULL, "email_index" text NOT NULL, "birth_date_encrypted" text NOT NULL, "phone_encrypted" text, "employee_number_encrypted" text, "employee_number_index" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "pk_person" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_person_email_index" ON "person" ("email_index") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_person_employee_number_index" ON "person" ("employee_number_index") `);
    await queryRunner.query(`CREATE INDEX "ix_person_created_at" ON "person" ("created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_person_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_person_employee_number_index"`);
    await queryRunner.query(`DROP INDEX "public"."uq_person_email_index"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "public"."uq_staff_account_email_index"`);
    await queryRunner.query(`DROP TABLE "staff_account"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event_subject"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event_occurred_at"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
