import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { PRINCIPAL_KEY } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { assertMayImport } from './import-access';
import { SourceRegistry } from './source-registry';

/**
 * 404 for an unknown source and 403 for a role that may not import it, decided before the upload
 * interceptor stores a byte (guards run before interceptors; the API guard has identified the caller).
 */
@Injectable()
export class ImportAccessGuard implements CanActivate {
  constructor(private readonly sources: SourceRegistry) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { [PRINCIPAL_KEY]?: Principal }>();
    const principal = request[PRINCIPAL_KEY];
    if (!principal) throw new UnauthorizedException('an API token is required (Authorization: Bearer <token>)');
    assertMayImport(this.sources.get(String(request.params.source)), principal);
    return true;
  }
}
