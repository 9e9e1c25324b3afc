import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff accounts that are invited (no password until the link is used), deactivated, and signed in
 * through a session row per sign-in that every request checks; single-use links stored as hashes.
 */
export class StaffAccounts1796300000000 implements MigrationInterface {
  name = 'StaffAccounts1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_account" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "staff_account" ADD "locale" text`);
    await queryRunner.query(`ALTER TABLE "staff_account" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE TABLE "staff_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_staff_session" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_staff_session_account" ON "staff_session" ("account_id") `);
    await queryRunner.query(
      `CREATE TABLE "staff_link_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "purpose" text NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_staff_link_token" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_staff_link_token_account" ON "staff_link_token" ("account_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_link_token_hash" ON "staff_link_token" ("token_hash") `);
    await queryRunner.query(
      `ALTER TABLE "staff_session" ADD CONSTRAINT "fk_staff_session_account" FOREIGN KEY ("account_id") REFERENCES "staff_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "staff_link_token" ADD CONSTRAINT "fk_staff_link_token_account" FOREIGN KEY ("account_id") REFERENCES "staff_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_link_token" DROP CONSTRAINT "fk_staff_link_token_account"`);
    await queryRunner.query(`ALTER TABLE "staff_session" DROP CONSTRAINT "fk_staff_session_account"`);
    await queryRunner.query(`DROP INDEX "public"."uq_staff_link_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_link_token_account"`);
    await queryRunner.query(`DROP TABLE "staff_link_token"`);
    await queryRunner.query(`DROP INDEX "public"."ix_staff_session_account"`);
    await queryRunner.query(`DROP TABLE "staff_session"`);
    await queryRunner.query(`ALTER TABLE "staff_account" DROP COLUMN "deactivated_at"`);
    await queryRunner.query(`ALTER TABLE "staff_account" DROP COLUMN "locale"`);
    await queryRunner.query(`UPDATE "staff_account" SET "password_hash" = '!' WHERE "password_hash" IS NULL`);
    await queryRunner.query(`ALTER TABLE "staff_account" ALTER COLUMN "password_hash" SET NOT NULL`);
  }
}
