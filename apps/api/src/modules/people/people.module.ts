import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PersonNameTokenBackfill } from './person-name-token.backfill';
import { PersonNameTokenRepository } from './person-name-token.repository';
import { PersonRosterRepository } from './person-roster.repository';
import { PersonRepository } from './person.repository';
import { RosterService } from './roster.service';

@Module({
  imports: [AuditModule],
  controllers: [PeopleController],
  providers: [PeopleService, PersonRepository, PersonNameTokenRepository, PersonNameTokenBackfill, PersonRosterRepository, RosterService],
  exports: [PersonRepository, PersonNameTokenRepository],
})
export class PeopleModule {}
