import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthStatus } from '@vaccinate/api-contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ContractAnswer } from '../../common/contract/contract.decorators';
import { Public } from '../auth/access.decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  // Applied migrations never become pending again, so one success is remembered.
  private migrationsCurrent = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('live')
  @Public()
  @ContractAnswer(200, HealthStatus, 'The process is up')
  live(): HealthStatus {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HttpCode(200)
  @ContractAnswer(200, HealthStatus, 'Database reachable and no migration pending')
  @ApiServiceUnavailableResponse({ description: 'Database unreachable or a migration pending' })
  async ready(): Promise<HealthStatus> {
    try {
      await this.dataSource.query('SELECT 1');
      if (!this.migrationsCurrent) this.migrationsCurrent = !(await this.dataSource.showMigrations());
    } catch {
      throw new ServiceUnavailableException('database unreachable');
    }
    if (!this.migrationsCurrent) throw new ServiceUnavailableException('migrations pending');
    return { status: 'ok' };
  }
}
