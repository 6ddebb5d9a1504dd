import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from './principal';

export const PRINCIPAL_KEY = 'principal';

/** The authenticated caller of this request (set by the API guard). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest()[PRINCIPAL_KEY];
});
