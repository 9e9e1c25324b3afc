import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The language a person chose on the page they used; null while they never chose (the tenant's default applies). */
export class PersonLocale1796192916734 implements MigrationInterface {
  name = 'PersonLocale1796192916734';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" ADD "locale" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "locale"`);
  }
}
