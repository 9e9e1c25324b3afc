import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { RecordEvents, type RecordListener } from '../record-events/record-events';

/** Someone who has had a dose waits for no spare one: their standby membership ends with the documentation. */
@Injectable()
export class StandbyRecordListener implements RecordListener, OnModuleInit {
  constructor(private readonly events: RecordEvents) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  async vaccinationDocumented(client: PoolClient, vaccinationId: string): Promise<void> {
    await client.query(
      `UPDATE standby_member m SET active = false
        WHERE m.active AND (
              m.booking_id IN (SELECT b.id FROM booking b JOIN vaccination v ON v.person_id = b.person_id WHERE v.id = $1)
           OR m.registration_id IN (SELECT r.id FROM registration r JOIN booking b ON b.id = r.booking_id
                                      JOIN vaccination v ON v.person_id = b.person_id WHERE v.id = $1))`,
      [vaccinationId],
    );
  }

  async vaccinationCorrected(): Promise<void> {
    // A correction changes no one's need for a dose.
  }

  async personCorrected(): Promise<void> {
    // Neither does a corrected name.
  }
}
