import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/public.decorator';
import type { Response } from 'express';
import { withTimeout } from '../common/with-timeout';
import { SqlDatabase } from '../database/sql-database';

/** `GET /health`: 200 `{status: ok, db: up}` when the database answers, 503 otherwise. Public. */
@ApiTags('health')
@Public() // monitors and load balancers call it without a token
@SkipThrottle() // monitors poll it; throttling them would report an outage that is not there
@Controller('health')
export class HealthController {
  constructor(@Inject(SqlDatabase) private readonly sql: SqlDatabase) {}

  @Get()
  async health(@Res({ passthrough: true }) response: Response) {
    try {
      await withTimeout(this.sql.query('select 1'), 3000);
      return { status: 'ok', db: 'up' };
    } catch {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', db: 'down' };
    }
  }
}
