import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { AgencyNamesService } from './agency-names.service';

const mapNameSchema = z.object({
  name: z.string().trim().min(1).max(300),
  agencyCode: z.string().trim().min(1).max(20),
});
class MapAgencyNameDto extends createZodDto(mapNameSchema) {}

@ApiTags('reference data')
@ApiBearerAuth()
@Roles('admin', 'auditor')
@Controller('api/agency-names')
export class AgencyNamesController {
  constructor(@Inject(AgencyNamesService) private readonly names: AgencyNamesService) {}

  /** e-GP agency names that match no agency, most contracts first. */
  @Get('unmatched')
  unmatched() {
    return this.names.unmatched();
  }

  /** Maps an e-GP agency name (as written) to an agency code; applies to stored and future contracts. */
  @Put()
  map(@Body() body: MapAgencyNameDto, @CurrentPrincipal() principal: Principal) {
    return this.names.map(body.name, body.agencyCode, principal.name);
  }
}
