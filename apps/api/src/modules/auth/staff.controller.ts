import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { StaffProfile } from '@vaccinate/api-contracts';
import { AppException } from '../../common/problem/app-exception';
import { RequireRole } from './access.decorators';
import { AuthService } from './auth.service';
import { CreatedStaffDto, StaffProfileDto } from './dto/auth-response.dto';
import { CreateStaffDto } from './dto/create-staff.dto';

@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @RequireRole('admin')
  @ApiOkResponse({ type: [StaffProfileDto] })
  list(): Promise<StaffProfile[]> {
    return this.auth.listStaff();
  }

  @Post()
  @RequireRole('admin')
  @ApiCreatedResponse({ type: CreatedStaffDto })
  @ApiConflictResponse({ description: 'An account with this e-mail exists' })
  async create(@Body() dto: CreateStaffDto): Promise<CreatedStaffDto> {
    const created = await this.auth.createStaff(dto.email, dto.displayName, dto.roles);
    if (!created) {
      const detail = 'An account with this e-mail address exists.';
      throw new AppException('staff.email_taken', 409, 'E-mail already has an account', detail, [
        { field: 'email', message: detail },
      ]);
    }
    return created;
  }
}
