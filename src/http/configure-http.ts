import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { RejectNulPipe } from './reject-nul.pipe';

/**
 * What every served app gets, in `src/main.ts` and in the tests alike: security headers, the refusal of
 * NUL characters in parameters and bodies, and the OpenAPI page at `/docs` (JSON at `/docs-json`).
 * The app must have been created on `createHttpAdapter(config)` (routing settings, trusted proxies).
 */
export function configureHttp(app: INestApplication): void {
  // The router Express actually built, not the settings: a setting made after it was built is ignored.
  const { router } = app.getHttpAdapter().getInstance() as { router: { caseSensitive?: boolean; strict?: boolean } };
  if (!router.caseSensitive || !router.strict) {
    throw new Error('the app must be created on createHttpAdapter(config): its router is not case-sensitive and strict');
  }
  app.useGlobalPipes(new RejectNulPipe());

  const strict = helmet();
  // The Swagger UI page runs inline scripts and styles that the default policy blocks.
  const forDocs = helmet({ contentSecurityPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/docs') ? forDocs : strict)(req, res, next),
  );

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('audit-radar')
      .setDescription(
        'Risk-based audit planning for Thai provincial internal-audit units. Every route but /health needs ' +
          '`Authorization: Bearer <token>` and a role (admin, auditor, finance, agency, viewer).',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'docs-json' });
}
