import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from './api-user.entity';
import { ApiUsersService } from './api-users.service';
import { PRINCIPAL_KEY } from './current-principal.decorator';
import { PUBLIC_KEY } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

/**
 * Guards every controller route: 401 without a valid bearer token, 403 when the caller's role is not
 * among the handler's `@Roles` (administrators only when it has none). Only a route marked `@Public()`
 * is open. The decision reads the route's metadata, never the request path: a path can be spelled in
 * ways the router still matches (`/API/users`), and a check on its spelling would let them through.
 */
@Injectable()
export class ApiAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: ApiUsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & Record<string, unknown>>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthorizedException('an API token is required (Authorization: Bearer <token>)');
    const principal = await this.users.authenticate(token);
    if (!principal) throw new UnauthorizedException('the API token is not valid');
    request[PRINCIPAL_KEY] = principal;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? ['admin'];
    if (!allowed.includes(principal.role)) {
      throw new ForbiddenException(`role ${principal.role} may not do this (allowed: ${allowed.join(', ')})`);
    }
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
