import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { RecordEvents, type RecordListener } from '../record-events/record-events';
import { StandbyMemberRepository } from './standby-member.repository';

/** Someone who has had a dose waits for no spare one: their standby membership ends with the documentation. */
@Injectable()
export class StandbyRecordListener implements RecordListener, OnModuleInit {
  constructor(
    private readonly events: RecordEvents,
    private readonly members: StandbyMemberRepository,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  async vaccinationDocumented(client: PoolClient, vaccinationId: string): Promise<void> {
    await this.members.endForVaccination(client, vaccinationId);
  }

  async vaccinationCorrected(): Promise<void> {
    // A correction changes no one's need for a dose.
  }

  async personCorrected(): Promise<void> {
    // Neither does a corrected name.
  }
}
