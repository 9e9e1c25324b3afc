import { Controller, Get, Header, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  IdParam,
  PeopleFound,
  PeopleQuery,
  PeopleSearch,
  Person,
  PersonCorrection,
  PersonInput,
  PersonPage,
  RosterImportReport,
  RosterImportRequest,
} from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody, ContractParams, ContractQuery } from '../../common/contract/contract.decorators';
import { RequireRole } from '../auth/access.decorators';
import { SignsCertificates } from '../record-events/signs-certificates';
import { PeopleService } from './people.service';
import { RosterService } from './roster.service';

const PAGE = { limit: 20, offset: 0 };

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly roster: RosterService,
  ) {}

  @Post()
  @RequireRole('assistant')
  @ContractAnswer(201, Person, 'Registered')
  @ApiConflictResponse({ description: 'E-mail or employee number already registered' })
  create(@ContractBody(PersonInput) input: PersonInput): Promise<Person> {
    return this.people.create(input);
  }

  @Get()
  @RequireRole('assistant')
  @ContractAnswer(200, PersonPage, 'One page of people, in registration order')
  list(@ContractQuery(PeopleQuery) query: PeopleQuery): Promise<PersonPage> {
    return this.people.list(query.limit ?? PAGE.limit, query.offset ?? PAGE.offset);
  }

  @Post('search')
  @HttpCode(200)
  @RequireRole('assistant')
  @ContractAnswer(200, PeopleFound, 'The people with this e-mail address or employee number, or whose names begin with the words given')
  async search(@ContractBody(PeopleSearch) search: PeopleSearch): Promise<PeopleFound> {
    return { items: await this.people.search(search) };
  }

  @Post('import')
  @HttpCode(200)
  @RequireRole('admin')
  @ContractAnswer(200, RosterImportReport, 'What the import did, or on a dry run would do, with every problem by row and column')
  @ApiConflictResponse({ description: 'An e-mail address or employee number was registered by someone else meanwhile: nothing was imported' })
  importRoster(@ContractBody(RosterImportRequest) request: RosterImportRequest): Promise<RosterImportReport> {
    return this.roster.import(request.csv, request.dryRun);
  }

  @Get('export')
  @RequireRole('admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="roster.csv"')
  @Header('cache-control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Every person as a roster CSV file (the columns the import reads)', schema: { type: 'string' } })
  exportRoster(): Promise<string> {
    return this.roster.export();
  }

  @Get(':id')
  @RequireRole('assistant')
  @ContractAnswer(200, Person, 'The person')
  @ApiNotFoundResponse()
  get(@ContractParams(IdParam) { id }: IdParam): Promise<Person> {
    return this.people.get(id);
  }

  @Patch(':id')
  @RequireRole('doctor')
  @ContractAnswer(200, Person, 'Corrected; the earlier values stay in the history')
  @ApiConflictResponse({ description: 'Stale version, or e-mail or employee number already registered' })
  @SignsCertificates()
  update(@ContractParams(IdParam) { id }: IdParam, @ContractBody(PersonCorrection) correction: PersonCorrection): Promise<Person> {
    const { version, reason, ...change } = correction;
    return this.people.update(id, change, version, reason);
  }
}
