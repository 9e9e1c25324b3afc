import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail delivery is scheduled by the job queue now: the outbox no longer keeps its own next-attempt
 * time. What staff and the metrics look up is the open messages (pending or dead), kept small by
 * a partial index.
 */
export class OutboxWithoutSchedule1796192916733 implements MigrationInterface {
  name = 'OutboxWithoutSchedule1796192916733';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_message_due"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "next_attempt_at"`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_message_open" ON "outbox_message" ("status") WHERE status <> 'sent'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_message_open"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_message_due" ON "outbox_message" ("status", "next_attempt_at") `);
  }
}
