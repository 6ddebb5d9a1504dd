import { Controller, Get } from '@nestjs/common';
import request from 'supertest';
import { Public } from '../src/auth/public.decorator';
import { Roles } from '../src/auth/roles.decorator';
import { startTestApp, TestApp, TEST_ADMIN_TOKEN } from './support/test-app';

/** Outside `/api`, no access declared: the guard must still ask for a token, and let only administrators in. */
@Controller('reports-probe')
class UndeclaredProbe {
  @Get()
  read() {
    return { reached: true };
  }
}

@Public()
@Controller('open-probe')
class PublicProbe {
  @Get()
  read() {
    return { reached: true };
  }
}

@Controller('api/viewer-probe')
class ViewerProbe {
  @Get()
  @Roles('viewer')
  read() {
    return { reached: true };
  }
}

/**
 * The guard decides by what a route declares, never by its path: a route without `@Public()` needs a
 * token wherever it is mounted, and one without `@Roles` is for administrators only.
 */
describe('the API guard reads route metadata, not paths', () => {
  let t: TestApp;
  let viewer: string;
  let auditor: string;
  beforeAll(async () => {
    t = await startTestApp({}, { controllers: [UndeclaredProbe, PublicProbe, ViewerProbe] });
    viewer = await t.tokenFor('viewer');
    auditor = await t.tokenFor('auditor');
  });
  afterAll(() => t.close());

  it('asks for a token on a route outside /api that is not marked public, and lets only administrators in', async () => {
    const server = t.app.getHttpServer();
    await request(server).get('/reports-probe').expect(401);
    await request(server).get('/reports-probe').set('Authorization', `Bearer ${viewer}`).expect(403);
    await request(server).get('/reports-probe').set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`).expect(200, { reached: true });
  });

  it('opens a route marked @Public() to anyone', async () => {
    await request(t.app.getHttpServer()).get('/open-probe').expect(200, { reached: true });
    await request(t.app.getHttpServer()).get('/health').expect(200);
  });

  it('lets in exactly the roles a route names', async () => {
    const server = t.app.getHttpServer();
    await request(server).get('/api/viewer-probe').expect(401);
    await request(server).get('/api/viewer-probe').set('Authorization', `Bearer ${viewer}`).expect(200);
    await request(server).get('/api/viewer-probe').set('Authorization', `Bearer ${auditor}`).expect(403);
    await request(server).get('/api/viewer-probe').set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`).expect(403);
  });
});
