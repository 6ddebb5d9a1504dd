import { SetMetadata } from '@nestjs/common';

export const PUBLIC_KEY = 'audit-radar:public';

/**
 * Marks a handler (or a whole controller) as callable without a token. Everything else needs one:
 * the guard decides by this mark, never by how the request's path is spelled. Only `/health` has it.
 */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
