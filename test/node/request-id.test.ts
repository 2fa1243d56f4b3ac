// setCorrelationId: `req.correlationId` as a handler reads and writes it, without a new hidden class per
// request on a prototype a framework gave it (the id is kept in Express's `res.locals`), and without
// touching Node's own IncomingMessage.prototype.
import assert from 'node:assert/strict';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, it } from 'node:test';
import { setCorrelationId } from '../../dist/node/request-id.js';

type Request = IncomingMessage & { correlationId?: string; res?: { locals: Record<string, unknown> } };
const socket = new Socket();

/**
 * A request with a prototype of its own, as Express gives each request its app's `request`, and its
 * response with the `locals` Express makes for it.
 */
function appRequest(appPrototype: object): Request & { res: { locals: Record<string, unknown> } } {
  const req = Object.setPrototypeOf(new IncomingMessage(socket), appPrototype);
  req.res = { locals: Object.create(null) };
  return req;
}

/** A response with a `locals`, as a framework other than Express might give it. */
function withLocals(): { locals: Record<string, unknown> } {
  return { locals: Object.create(null) };
}

describe('setCorrelationId', () => {
  it("keeps the id off the request itself when its prototype is a framework's", () => {
    const appPrototype = Object.create(IncomingMessage.prototype);
    const first = appRequest(appPrototype);
    const second = appRequest(appPrototype);
    setCorrelationId(first, first.res, 'first-id');
    setCorrelationId(second, second.res, 'second-id');
    assert.deepEqual([first.correlationId, second.correlationId], ['first-id', 'second-id']);
    assert.equal(Object.hasOwn(first, 'correlationId'), false);
    assert.equal(appRequest(appPrototype).correlationId, undefined, 'a request it was not set on has none');
  });

  it("keeps it as the response's res.locals.correlationId, one id for both", () => {
    const req = appRequest(Object.create(IncomingMessage.prototype));
    setCorrelationId(req, req.res, 'stamped');
    assert.equal(req.res.locals.correlationId, 'stamped');
    req.correlationId = 'replaced';
    assert.equal(req.res.locals.correlationId, 'replaced');
  });

  it('keeps the id on a request without res.locals, on such a prototype, as its own property', () => {
    const appPrototype = Object.create(IncomingMessage.prototype);
    const first = appRequest(appPrototype);
    setCorrelationId(first, first.res, 'first-id');
    const bare = Object.setPrototypeOf(new IncomingMessage(socket), appPrototype) as Request;
    setCorrelationId(bare, {}, 'bare-id');
    assert.equal(bare.correlationId, 'bare-id');
    assert.equal(Object.hasOwn(bare, 'correlationId'), true);
  });

  it('lets a handler assign the id as before', () => {
    const req = appRequest(Object.create(IncomingMessage.prototype));
    setCorrelationId(req, req.res, 'stamped');
    req.correlationId = 'replaced';
    assert.equal(req.correlationId, 'replaced');
  });

  it("never changes Node's IncomingMessage.prototype: a plain request gets a property of its own", () => {
    const req: Request = new IncomingMessage(socket);
    setCorrelationId(req, withLocals(), 'plain-id');
    assert.equal(Object.hasOwn(req, 'correlationId'), true);
    assert.equal('correlationId' in IncomingMessage.prototype, false);
    const orphan = Object.setPrototypeOf(new IncomingMessage(socket), null) as Request;
    setCorrelationId(orphan, withLocals(), 'orphan-id');
    assert.equal(orphan.correlationId, 'orphan-id');
  });

  it('follows each request to its own app when two apps take turns', () => {
    const express = appRequest(Object.create(IncomingMessage.prototype));
    const plain: Request = new IncomingMessage(socket);
    const other = appRequest(Object.create(IncomingMessage.prototype));
    setCorrelationId(express, express.res, 'express-id');
    setCorrelationId(plain, withLocals(), 'plain-id');
    setCorrelationId(other, other.res, 'other-id');
    assert.deepEqual(
      [express.res.locals.correlationId, plain.correlationId, other.res.locals.correlationId],
      ['express-id', 'plain-id', 'other-id'],
    );
    assert.deepEqual([express.correlationId, other.correlationId], ['express-id', 'other-id']);
  });

  it("leaves res.locals alone when the prototype's correlationId is someone else's", () => {
    const appPrototype = Object.create(IncomingMessage.prototype);
    Object.defineProperty(appPrototype, 'correlationId', { value: undefined, writable: true });
    const req = appRequest(appPrototype);
    setCorrelationId(req, req.res, 'own-id');
    assert.equal(req.correlationId, 'own-id');
    assert.equal(req.res.locals.correlationId, undefined);
  });

  it("writes res.locals when the accessor is on the prototype's parent, as on an Express sub-app", () => {
    const parent = Object.create(IncomingMessage.prototype);
    const first = appRequest(parent);
    setCorrelationId(first, first.res, 'parent-id');
    const req = appRequest(Object.create(parent));
    setCorrelationId(req, req.res, 'sub-app-id');
    assert.equal(req.res.locals.correlationId, 'sub-app-id');
    assert.equal(req.correlationId, 'sub-app-id');
    assert.equal(Object.hasOwn(req, 'correlationId'), false);
  });
});
