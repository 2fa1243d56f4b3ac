// Nest's own exceptions keep their meaning: the HttpException family its status, and its message
// below 500; ValidationPipe's messages become validation items, and validationExceptionFactory makes
// class-validator's errors items with their property paths.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BadRequestException,
  Body,
  ForbiddenException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
  Param,
  ServiceUnavailableException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsPositive, IsString, MinLength, ValidateNested } from 'class-validator';
import { BadRequest } from 'codat-errors';
import { validationExceptionFactory } from 'codat-errors/nestjs';
import { envelopeText } from '../../support/envelope-text.ts';
import { controllerOf, serveNest, type NestPlatform } from '../../support/nest-app.ts';
import { request } from '../../support/serve.ts';

const platforms: NestPlatform[] = ['express', 'fastify'];
const envelope = (statusCode: number, error: string, validation?: unknown) => ({
  statusCode,
  service: 'PublicApi',
  error,
  validation,
});

/** HttpExceptions a Nest app throws, with what the client must see. */
const httpExceptions: Array<[name: string, thrown: () => unknown, status: number, error: string, errors?: unknown]> = [
  ['NotFoundException()', () => new NotFoundException(), 404, 'Not Found'],
  ['NotFoundException(message)', () => new NotFoundException('No company 7'), 404, 'No company 7'],
  [
    'ForbiddenException with an object',
    () => new ForbiddenException({ message: 'Not yours', code: 9 }),
    403,
    'Not yours',
  ],
  ['HttpException(string, 418)', () => new HttpException('Short and stout', 418), 418, 'Short and stout'],
  ['HttpException of an object without message', () => new HttpException({ code: 7 }, 409), 409, 'Conflict'],
  [
    'BadRequestException of messages, as ValidationPipe throws',
    () => new BadRequestException(['name must be a string', 7, 'email must be an email']),
    400,
    'Bad Request',
    [{ message: 'name must be a string' }, { message: 'email must be an email' }],
  ],
  [
    'InternalServerErrorException hides its message',
    () => new InternalServerErrorException('db password=x'),
    500,
    'Internal Server Error',
  ],
  [
    'ServiceUnavailableException hides its message',
    () => new ServiceUnavailableException('host 10.0.0.7'),
    503,
    'Service Unavailable',
  ],
  ['HttpException of a status out of range', () => new HttpException('Moved', 302), 500, 'Internal Server Error'],
  [
    'an HttpException look-alike whose status is no number',
    () => Object.assign(new Error('x'), { getStatus: () => '404', getResponse: () => 'x' }),
    500,
    'Internal Server Error',
  ],
  [
    'an HttpException look-alike whose getResponse throws',
    () =>
      Object.assign(new Error('x'), {
        getStatus: () => 400,
        getResponse: () => {
          throw new Error('trap');
        },
      }),
    500,
    'Internal Server Error',
  ],
];

class Address {
  city!: string;
}
IsString()(Address.prototype, 'city');
MinLength(2)(Address.prototype, 'city');

class Line {
  amount!: number;
}
IsPositive()(Line.prototype, 'amount');

class CreateCompany {
  name!: string;
  email!: string;
  address!: Address;
  lines!: Line[];
}
IsString()(CreateCompany.prototype, 'name');
IsEmail()(CreateCompany.prototype, 'email');
ValidateNested()(CreateCompany.prototype, 'address');
Type(() => Address)(CreateCompany.prototype, 'address');
ValidateNested({ each: true })(CreateCompany.prototype, 'lines');
Type(() => Line)(CreateCompany.prototype, 'lines');

const invalid = { name: 7, email: 'ops', address: { city: 'L' }, lines: [{ amount: 5 }, { amount: -1 }] };
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-correlation-id': 'dto' },
  body: JSON.stringify(body),
});

for (const platform of platforms) {
  describe(`NestJS on ${platform}: Nest's HttpException family`, async () => {
    const { url } = await serveNest(platform, {
      controllers: [
        controllerOf({
          'GET /throw/:index': {
            handle: (index: string) => {
              throw httpExceptions[Number(index)]![1]();
            },
            params: [Param('index')],
          },
        }),
      ],
    });
    httpExceptions.forEach(([name, , status, error, errors], index) => {
      it(`${name} → ${status}`, async () => {
        const reply = await request(`${url}/throw/${index}`, { headers: { 'x-correlation-id': 'nest-1' } });
        assert.equal(reply.status, status);
        const validation = errors && { errors, warnings: [] };
        assert.equal(reply.text, envelopeText(envelope(status, error, validation), 'nest-1'));
      });
    });
  });

  describe(`NestJS on ${platform}: ValidationPipe`, async () => {
    const create = { handle: (body: unknown) => body, params: [Body()], paramTypes: [CreateCompany] };
    const { url } = await serveNest(platform, {
      controllers: [
        controllerOf({
          'POST /default': { ...create, params: [Body(new ValidationPipe())] },
          'POST /named': {
            ...create,
            params: [
              Body(
                new ValidationPipe({
                  exceptionFactory: validationExceptionFactory({ validatorName: 'CreateCompany' }),
                }),
              ),
            ],
          },
          'POST /constraints': {
            ...create,
            params: [Body(new ValidationPipe({ exceptionFactory: validationExceptionFactory() }))],
          },
        }),
      ],
    });

    it("answers its default 400 with one item per message, Nest's words kept", async () => {
      const reply = await request(`${url}/default`, json(invalid));
      assert.equal(reply.status, 400);
      const errors = [
        { message: 'name must be a string' },
        { message: 'email must be an email' },
        { message: 'city must be longer than or equal to 2 characters' },
        { message: 'amount must be a positive number' },
      ].map(({ message }) => ({
        message: message.replace(/^city/, 'address.city').replace(/^amount/, 'lines.1.amount'),
      }));
      assert.equal(reply.text, envelopeText(envelope(400, 'Bad Request', { errors, warnings: [] }), 'dto'));
    });

    it('with validationExceptionFactory: one item per constraint, itemId the property path, validatorName as given', async () => {
      const reply = await request(`${url}/named`, json(invalid));
      assert.equal(reply.status, 400);
      const errors = [
        { itemId: 'name', message: 'name must be a string', validatorName: 'CreateCompany' },
        { itemId: 'email', message: 'email must be an email', validatorName: 'CreateCompany' },
        {
          itemId: 'address.city',
          message: 'city must be longer than or equal to 2 characters',
          validatorName: 'CreateCompany',
        },
        { itemId: 'lines.1.amount', message: 'amount must be a positive number', validatorName: 'CreateCompany' },
      ];
      assert.equal(reply.text, envelopeText(envelope(400, 'Bad Request', { errors, warnings: [] }), 'dto'));
    });

    it('names each item for its constraint when given no validatorName', async () => {
      const reply = await request(`${url}/constraints`, json({ ...invalid, name: 'Acme', address: { city: 3 } }));
      assert.equal(reply.status, 400);
      assert.deepEqual((reply.body as { validation: unknown }).validation, {
        errors: [
          { itemId: 'email', message: 'email must be an email', validatorName: 'isEmail' },
          { itemId: 'address.city', message: 'city must be a string', validatorName: 'isString' },
          {
            itemId: 'address.city',
            message: 'city must be longer than or equal to 2 characters',
            validatorName: 'minLength',
          },
          { itemId: 'lines.1.amount', message: 'amount must be a positive number', validatorName: 'isPositive' },
        ],
        warnings: [],
      });
    });

    it('hands the handler a valid body', async () => {
      const valid = { name: 'Acme', email: 'ops@acme.example', address: { city: 'Leeds' }, lines: [{ amount: 1 }] };
      const reply = await request(`${url}/named`, json(valid));
      assert.equal(reply.status, 201);
      assert.deepEqual(reply.body, valid);
    });
  });
}

describe('validationExceptionFactory', () => {
  const error = (property: string, constraints?: Record<string, string>, children: ValidationError[] = []) =>
    ({ property, constraints, children }) as ValidationError;

  it('leaves itemId out for an error of the whole value, and keeps the parent path through a nameless child', () => {
    const thrown = validationExceptionFactory(null as never)([
      error('', { unknownValue: 'an unknown value was passed to the validate function' }),
      error('lines', undefined, [error('', { arrayMinSize: 'lines must contain at least 1 elements' })]),
    ]);
    assert.ok(thrown instanceof BadRequest);
    assert.deepEqual(thrown.validation, {
      errors: [
        { message: 'an unknown value was passed to the validate function', validatorName: 'unknownValue' },
        { itemId: 'lines', message: 'lines must contain at least 1 elements', validatorName: 'arrayMinSize' },
      ],
      warnings: [],
    });
  });
});
