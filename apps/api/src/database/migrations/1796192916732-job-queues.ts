import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pg-boss queues of every background job, so the API creates no tables at runtime (each queue is
 * a partition). Retry and timeout settings are set again from the configuration at start; the
 * policies are fixed here: `short` keeps one waiting run of a periodic job. Mails still pending in
 * the outbox get their delivery job, which before was the outbox poller's.
 */
export class JobQueues1796192916732 implements MigrationInterface {
  name = 'JobQueues1796192916732';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const queues: [string, Record<string, unknown>][] = [
      ['__pgboss__send-it', { policy: 'standard' }],
      ['mail-delivery-dead', { policy: 'standard' }],
      ['mail-delivery', { policy: 'standard', retryLimit: 7, retryDelay: 30, retryBackoff: true, expireInSeconds: 60, deadLetter: 'mail-delivery-dead' }],
      ['waiting-list-allocation-dead', { policy: 'standard' }],
      [
        'waiting-list-allocation',
        { policy: 'standard', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 300, deadLetter: 'waiting-list-allocation-dead' },
      ],
      ['waiting-list-allocation-tick', { policy: 'short', retryLimit: 0 }],
      ['standby-waves', { policy: 'short', retryLimit: 0 }],
      ['appointment-reminders', { policy: 'standard', retryLimit: 0 }],
      ['day-closing-no-shows', { policy: 'standard', retryLimit: 0 }],
    ];
    for (const [name, options] of queues) await queryRunner.query('SELECT pgboss.create_queue($1, $2::json)', [name, JSON.stringify(options)]);
    await queryRunner.query(
      `INSERT INTO pgboss.job (name, data, retry_limit, retry_delay, retry_backoff, expire_in, dead_letter, policy)
       SELECT 'mail-delivery', jsonb_build_object('outboxId', id::text, 'traceParent', trace_parent), 7, 30, true, interval '60 seconds', 'mail-delivery-dead', 'standard'
         FROM outbox_message WHERE status = 'pending'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ['mail-delivery', 'mail-delivery-dead', 'waiting-list-allocation-tick', 'standby-waves', 'appointment-reminders', 'day-closing-no-shows']) {
      await queryRunner.query('SELECT pgboss.delete_queue($1)', [name]);
    }
  }
}
