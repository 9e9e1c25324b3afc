import { Injectable } from '@nestjs/common';
import type { PersonHistory } from '@vaccinate/api-contracts';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { PersonException, PersonExceptionCode } from '../people/person.exception';
import { PersonRepository } from '../people/person.repository';
import { VaccinationRepository } from './vaccination.repository';

/** A person's record over time: earlier versions of their details and every version of every dose, each with its reason. */
@Injectable()
export class PersonHistoryService {
  constructor(
    private readonly vaccinations: VaccinationRepository,
    private readonly audit: AuditService,
    private readonly people: PersonRepository,
    private readonly sql: Sql,
  ) {}

  async history(personId: string): Promise<PersonHistory> {
    const revisions = await this.people.revisions(personId);
    if (!revisions) throw new PersonException(PersonExceptionCode.NotFound);
    const history: PersonHistory = {
      personId,
      revisions,
      vaccinations: await this.vaccinations.forPerson(personId),
    };
    await this.audit.record(this.sql, 'person', 'read', [personId]);
    return history;
  }
}
