import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The employee roster's department, and the blind-index tokens of name prefixes for the people search.
 * The tokens of people registered before this migration need the tenant's key, so the API writes them
 * at start (`PersonNameTokenBackfill`), not this migration.
 */
export class PeopleRoster1796320000000 implements MigrationInterface {
  name = 'PeopleRoster1796320000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" ADD "department_encrypted" text`);
    await queryRunner.query(
      `CREATE TABLE "person_name_token" ("token" text NOT NULL, "person_id" uuid NOT NULL, CONSTRAINT "pk_person_name_token" PRIMARY KEY ("token", "person_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_person_name_token_person_id" ON "person_name_token" ("person_id") `);
    await queryRunner.query(
      `ALTER TABLE "person_name_token" ADD CONSTRAINT "fk_person_name_token_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person_name_token" DROP CONSTRAINT "fk_person_name_token_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_person_name_token_person_id"`);
    await queryRunner.query(`DROP TABLE "person_name_token"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "department_encrypted"`);
  }
}
