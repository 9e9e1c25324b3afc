import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { ChangeStaffRolesRequest, CreatedStaff, CreateStaffRequest, InviteStaffRequest, StaffIdParam, StaffMember } from '@vaccinate/api-contracts';
import { ContractAnswer, ContractBody, ContractListAnswer, ContractParams } from '../../common/contract/contract.decorators';
import { AppException } from '../../common/problem/app-exception';
import { RequireRole } from '../auth/access.decorators';
import { AuthService } from '../auth/auth.service';
import { StaffAccountsService } from './staff-accounts.service';

@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(
    private readonly auth: AuthService,
    private readonly staff: StaffAccountsService,
  ) {}

  @Get()
  @RequireRole('admin')
  @ContractListAnswer(200, StaffMember, 'Every staff account, invited and deactivated ones included')
  list(): Promise<StaffMember[]> {
    return this.staff.list();
  }

  @Post('invitations')
  @RequireRole('admin')
  @ContractAnswer(201, StaffMember, 'Invited: a single-use link to set a password is on its way (none with an identity provider)')
  @ApiConflictResponse({ description: 'An account with this e-mail exists' })
  invite(@ContractBody(InviteStaffRequest) invitation: InviteStaffRequest): Promise<StaffMember> {
    return this.staff.invite(invitation.email, invitation.displayName, invitation.roles, invitation.locale);
  }

  @Post(':id/invitation')
  @HttpCode(200)
  @RequireRole('admin')
  @ContractAnswer(200, StaffMember, 'A new link is on its way; the earlier one no longer works')
  @ApiNotFoundResponse({ description: 'No active account has this id' })
  @ApiConflictResponse({ description: 'The account has set its password already' })
  resendInvitation(@ContractParams(StaffIdParam) { id }: StaffIdParam): Promise<StaffMember> {
    return this.staff.resendInvitation(id);
  }

  @Put(':id/roles')
  @RequireRole('admin')
  @ContractAnswer(200, StaffMember, 'Changed; it counts from the next request of the account')
  @ApiNotFoundResponse({ description: 'No active account has this id' })
  @ApiConflictResponse({ description: 'It would leave no active admin' })
  changeRoles(@ContractParams(StaffIdParam) { id }: StaffIdParam, @ContractBody(ChangeStaffRolesRequest) change: ChangeStaffRolesRequest): Promise<StaffMember> {
    return this.staff.changeRoles(id, change.roles);
  }

  @Post(':id/deactivation')
  @HttpCode(200)
  @RequireRole('admin')
  @ContractAnswer(200, StaffMember, 'Deactivated: its sessions ended at once')
  @ApiNotFoundResponse({ description: 'No active account has this id' })
  @ApiConflictResponse({ description: 'It is the last active admin' })
  deactivate(@ContractParams(StaffIdParam) { id }: StaffIdParam): Promise<StaffMember> {
    return this.staff.deactivate(id);
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
