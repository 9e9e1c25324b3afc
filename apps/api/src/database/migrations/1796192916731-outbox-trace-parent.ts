import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The W3C traceparent of the request that queued a mail, so its delivery joins that trace. */
export class OutboxTraceParent1796192916731 implements MigrationInterface {
  name = 'OutboxTraceParent1796192916731';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "trace_parent" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "trace_parent"`);
  }
}
