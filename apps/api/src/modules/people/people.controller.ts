import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { uuidParam } from '../../common/id-param.pipe';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Person, PersonPage } from '@vaccinate/api-contracts';
import { RequireRole } from '../auth/access.decorators';
import { CreatePersonDto } from './dto/create-person.dto';
import { ListPeopleQuery } from './dto/list-people.query';
import { PersonPageResponseDto, PersonResponseDto, PersonSearchResponseDto } from './dto/person-response.dto';
import { SearchPeopleDto } from './dto/search-people.dto';
import { UpdatePersonDto } from './dto/update-person.dto';
import { PeopleService } from './people.service';

@ApiTags('people')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  @RequireRole('assistant')
  @ApiCreatedResponse({ type: PersonResponseDto })
  @ApiConflictResponse({ description: 'E-mail or employee number already registered' })
  create(@Body() dto: CreatePersonDto): Promise<Person> {
    return this.people.create(dto);
  }

  @Get()
  @RequireRole('assistant')
  @ApiOkResponse({ type: PersonPageResponseDto })
  list(@Query() query: ListPeopleQuery): Promise<PersonPage> {
    return this.people.list(query.limit, query.offset);
  }

  @Post('search')
  @HttpCode(200)
  @RequireRole('assistant')
  @ApiOkResponse({ type: PersonSearchResponseDto })
  async search(@Body() dto: SearchPeopleDto): Promise<{ items: Person[] }> {
    return { items: await this.people.searchByEmail(dto.email) };
  }

  @Get(':id')
  @RequireRole('assistant')
  @ApiOkResponse({ type: PersonResponseDto })
  @ApiNotFoundResponse()
  get(@Param('id', uuidParam()) id: string): Promise<Person> {
    return this.people.get(id);
  }

  @Patch(':id')
  @RequireRole('doctor')
  @ApiOkResponse({ type: PersonResponseDto })
  @ApiConflictResponse({ description: 'Stale version, or e-mail or employee number already registered' })
  update(@Param('id', uuidParam()) id: string, @Body() dto: UpdatePersonDto): Promise<Person> {
    const { version, reason, ...change } = dto;
    return this.people.update(id, change, version, reason);
  }
}
