import { Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CreatedStaff, CreateStaffRequest, StaffProfile } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody, ContractListAnswer } from '../../common/contract/contract.decorators';
import { AppException } from '../../common/problem/app-exception';
import { RequireRole } from './access.decorators';
import { AuthService } from './auth.service';

@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @RequireRole('admin')
  @ContractListAnswer(200, StaffProfile, 'Every staff account')
  list(): Promise<StaffProfile[]> {
    return this.auth.listStaff();
  }

  @Post()
  @RequireRole('admin')
  @ContractAnswer(201, CreatedStaff, 'Created, with a one-time password')
  @ApiConflictResponse({ description: 'An account with this e-mail exists' })
  async create(@ContractBody(CreateStaffRequest) account: CreateStaffRequest): Promise<CreatedStaff> {
    const created = await this.auth.createStaff(account.email, account.displayName, account.roles);
    if (!created) {
      const detail = 'An account with this e-mail address exists.';
      throw new AppException('staff.email_taken', 409, 'E-mail already has an account', detail, [{ field: 'email', message: detail }]);
    }
    return created;
  }
}
