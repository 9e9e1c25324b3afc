import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RegistrationRankOnly1795473923660 implements MigrationInterface {
  name = 'RegistrationRankOnly1795473923660';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "priority_group_id"`);
    await queryRunner.query(`ALTER TABLE "standby_announcement" ALTER COLUMN "overbooking_factor" SET DEFAULT 1.50`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "standby_announcement" ALTER COLUMN "overbooking_factor" SET DEFAULT 1.5`);
    await queryRunner.query(`ALTER TABLE "registration" ADD "priority_group_id" text`);
  }
}
