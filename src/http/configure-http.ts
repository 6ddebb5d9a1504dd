import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { cleanupOpenApiDoc } from 'nestjs-zod';

/** Security headers, the OpenAPI page at `/docs` (JSON at `/docs-json`), and trust of the proxy's client IP. */
export function configureHttp(app: INestApplication): void {
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
        'Risk-based audit planning for Thai provincial internal-audit units. Every /api route needs ' +
          '`Authorization: Bearer <token>` and a role (admin, auditor, finance, agency, viewer).',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'docs-json' });
}
