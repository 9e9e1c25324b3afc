import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PeopleController } from './people.controller';
import { PeopleService } from './people.service';
import { PersonRepository } from './person.repository';

@Module({
  imports: [AuditModule],
  controllers: [PeopleController],
  providers: [PeopleService, PersonRepository],
  exports: [PersonRepository],
})
export class PeopleModule {}
