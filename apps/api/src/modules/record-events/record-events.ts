import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';

/**
 * Something that must follow a change to a person's vaccination record, inside the same transaction
 * (so what it queues — a certificate, a mail — commits with the change or not at all).
 */
export interface RecordListener {
  /** A dose was documented. */
  vaccinationDocumented(client: PoolClient, vaccinationId: string): Promise<void>;
  /** A correction superseded `previousId` with `currentId`. */
  vaccinationCorrected(client: PoolClient, previousId: string, currentId: string): Promise<void>;
  /** The person's name or birth date was corrected; every valid vaccination of theirs is affected. */
  personCorrected(client: PoolClient, personId: string): Promise<void>;
}

/** Listeners subscribe once at start-up; the record services call them without knowing who listens. */
@Injectable()
export class RecordEvents {
  private readonly listeners: RecordListener[] = [];

  subscribe(listener: RecordListener): void {
    this.listeners.push(listener);
  }

  async vaccinationDocumented(client: PoolClient, vaccinationId: string): Promise<void> {
    for (const listener of this.listeners) await listener.vaccinationDocumented(client, vaccinationId);
  }

  async vaccinationCorrected(client: PoolClient, previousId: string, currentId: string): Promise<void> {
    for (const listener of this.listeners) await listener.vaccinationCorrected(client, previousId, currentId);
  }

  async personCorrected(client: PoolClient, personId: string): Promise<void> {
    for (const listener of this.listeners) await listener.personCorrected(client, personId);
  }
}
