import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  // Applied migrations never become pending again, so one success is remembered.
  private migrationsCurrent = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('live')
  @Public()
  @ApiOkResponse({ description: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: 'Database reachable and no migration pending' })
  @ApiServiceUnavailableResponse({ description: 'Database unreachable or a migration pending' })
  async ready(): Promise<{ status: 'ok' }> {
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
