// What only the NestJS module has: its options fail forRoot(), an unmatched route answers Koa's bytes,
// the id is on `@Req()` and every response, and what guards, pipes, interceptors and middleware throw
// is the envelope, on Express and on Fastify alike.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  Module,
  Param,
  Req,
  UseGuards,
  UseInterceptors,
  UsePipes,
  type ArgumentsHost,
  type ExceptionFilter,
  type MiddlewareConsumer,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, type HttpAdapterHost, NestFactory } from '@nestjs/core';
import type { Request } from 'express';
import { Conflict, Forbidden, NotFound, TooManyRequests, Unauthorized } from 'codat-errors';
import { CodatErrorsModule } from 'codat-errors/nestjs';
import { envelopeText } from '../../support/envelope-text.ts';
import { frameworks } from '../../support/frameworks.ts';
import { idPattern } from '../../support/ids.ts';
import { controllerOf, serveNest, type NestPlatform } from '../../support/nest-app.ts';
import { request } from '../../support/serve.ts';

const koa = frameworks.find((framework) => framework.name === 'Koa 3')!;
const platforms: NestPlatform[] = ['express', 'fastify'];
const envelope = (statusCode: number, error: string) => ({ statusCode, service: 'PublicApi', error });

describe('NestJS: the options are checked by forRoot(), at start-up', () => {
  for (const [name, options, message] of [
    ['an empty service', { service: '' }, /option "service" must be a non-empty string/],
    ['an unknown option', { servce: 'PublicApi' }, /unknown option "servce"/],
  ] as const) {
    it(`${name}: forRoot() throws saying what to fix`, () => {
      assert.throws(() => CodatErrorsModule.forRoot(options as object), message);
    });
  }

  it('refuses an HTTP platform it does not know, naming the two it runs on', () => {
    const { providers } = CodatErrorsModule.forRoot();
    const engine = (providers as Array<{ provide: unknown; useValue: unknown }>)[0]!.useValue;
    const host = { httpAdapter: { getType: () => 'h3' } } as unknown as HttpAdapterHost;
    assert.throws(
      () => new CodatErrorsModule(host, engine as never).configure(),
      /CodatErrorsModule runs on @nestjs\/platform-express or @nestjs\/platform-fastify, not on "h3"/,
    );
  });

  it('loads in an application context without HTTP (a worker sharing the modules)', async () => {
    class Worker {}
    Module({ imports: [CodatErrorsModule.forRoot()] })(Worker);
    const context = await NestFactory.createApplicationContext(Worker, { logger: false });
    await context.close();
  });

  it('leaves what is thrown outside HTTP (a gateway, a microservice) to its own handling', () => {
    const { providers } = CodatErrorsModule.forRoot();
    const filter = (providers as Array<{ provide: unknown; useValue: ExceptionFilter }>).find(
      (provider) => provider.provide === APP_FILTER,
    )!.useValue;
    const thrown = new Error('rpc');
    assert.throws(() => filter.catch(thrown, { getType: () => 'rpc' } as unknown as ArgumentsHost), thrown);
  });
});

for (const platform of platforms) {
  describe(`NestJS on ${platform}: the id and the unmatched route`, async () => {
    const { url } = await serveNest(platform, {
      controllers: [
        controllerOf({
          'GET /id': { handle: (req: Request) => ({ id: req.correlationId }), params: [Req()] },
        }),
      ],
    });
    const fromKoa = await koa.serve({});

    it("answers an unmatched route with Koa's bytes, not Nest's Cannot GET", async () => {
      const init = { headers: { 'x-correlation-id': 'unmatched-1' } };
      const [reply, koaReply] = await Promise.all([
        request(`${url}/no-such-route?q=1`, init),
        request(`${fromKoa.url}/no-such-route?q=1`, init),
      ]);
      assert.equal(reply.status, 404);
      assert.equal(reply.text, koaReply.text);
      assert.equal(reply.text, envelopeText(envelope(404, 'Not Found'), 'unmatched-1'));
      assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(reply.headers.get('x-correlation-id'), 'unmatched-1');
    });

    it('answers HEAD of an unmatched route with the status and headers, and no body', async () => {
      const reply = await request(`${url}/no-such-route`, { method: 'HEAD' });
      assert.equal(reply.status, 404);
      const id = reply.headers.get('x-correlation-id') ?? '';
      assert.match(id, idPattern);
      const length = Buffer.byteLength(envelopeText(envelope(404, 'Not Found'), id));
      assert.equal(reply.headers.get('content-length'), String(length));
      assert.equal(reply.text, '');
    });

    it('puts the id on the request @Req() gives and on the response of a success', async () => {
      const reply = await request(`${url}/id`, { headers: { 'x-correlation-id': 'nest-ok' } });
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('x-correlation-id'), 'nest-ok');
      assert.deepEqual(reply.body, { id: 'nest-ok' });
    });
  });

  describe(`NestJS on ${platform}: what guards, pipes, interceptors and middleware throw`, async () => {
    const deny = { canActivate: () => Promise.reject(new Unauthorized('Sign in')) };
    const refuse = {
      transform: (value: string) => {
        if (value !== '1') throw new NotFound(`No company ${value}`);
        return value;
      },
    };
    const limit = {
      intercept: () => {
        throw new TooManyRequests(7);
      },
    };
    class Middleware {
      configure(consumer: MiddlewareConsumer) {
        consumer
          .apply((_req: unknown, _res: unknown, next: (error?: unknown) => void) => next(new Conflict('Busy')))
          .forRoutes('busy');
      }
    }
    Module({})(Middleware);
    const { url } = await serveNest(platform, {
      imports: [Middleware],
      controllers: [
        controllerOf({
          'GET /guarded': { handle: () => 'no', decorators: [UseGuards(deny)] },
          'GET /companies/:id': { handle: (id: string) => id, params: [Param('id')], decorators: [UsePipes(refuse)] },
          'GET /limited': { handle: () => 'no', decorators: [UseInterceptors(limit)] },
          'GET /busy': () => 'no',
          'GET /forbidden': () => 'no',
        }),
      ],
      providers: [
        {
          provide: APP_GUARD,
          useValue: {
            canActivate: (context: { switchToHttp(): { getRequest(): { url: string } } }) => {
              if (context.switchToHttp().getRequest().url === '/forbidden') throw new Forbidden('Not yours');
              return true;
            },
          },
        },
        {
          provide: APP_INTERCEPTOR,
          useValue: { intercept: (_context: unknown, next: { handle(): unknown }) => next.handle() },
        },
      ],
    });

    for (const [path, status, error, headers] of [
      ['/guarded', 401, 'Sign in', {}],
      ['/forbidden', 403, 'Not yours', {}],
      ['/companies/2', 404, 'No company 2', {}],
      ['/limited', 429, 'Too Many Requests', { 'retry-after': '7' }],
      ['/busy', 409, 'Busy', {}],
    ] as const) {
      it(`${path} → ${status}`, async () => {
        const reply = await request(`${url}${path}`, { headers: { 'x-correlation-id': 'thrown-early' } });
        assert.equal(reply.status, status);
        assert.equal(reply.text, envelopeText(envelope(status, error), 'thrown-early'));
        assert.equal(reply.headers.get('x-correlation-id'), 'thrown-early');
        for (const [name, value] of Object.entries(headers)) assert.equal(reply.headers.get(name), value);
      });
    }

    it('lets a route through the pipe when it holds', async () => {
      const reply = await request(`${url}/companies/1`);
      assert.equal(reply.status, 200);
      assert.equal(reply.text, '1');
    });
  });
}
