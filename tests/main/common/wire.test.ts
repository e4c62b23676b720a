import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeRequest, encodeRequest } from '../../../main/common/wire.js';
import { LIMITS } from '../../../main/common/schema.js';

describe('decodeRequest', () => {
  it('reads back what encodeRequest writes', () => {
    const text = encodeRequest(7, 'compile', { source: 'x', filename: 'a.py' });
    assert.deepEqual(decodeRequest(text, text.length), { id: 7, method: 'compile', params: { source: 'x', filename: 'a.py' } });
  });
  it('refuses text that is not JSON, or JSON that is not an object', () => {
    assert.equal(decodeRequest('{nope', 5).error?.kind, 'invalid-request');
    assert.equal(decodeRequest('[1]', 3).error?.kind, 'invalid-request');
  });
  it('refuses a wrong kind or a missing id, keeping the id when there is one', () => {
    const r = decodeRequest('{"kind":"event","id":3}', 20);
    assert.equal(r.id, 3);
    assert.equal(r.error?.kind, 'invalid-request');
    assert.equal(decodeRequest('{"kind":"request","id":-1,"method":"x"}', 40).id, null);
  });
  it('refuses an envelope with an unexpected field', () => {
    assert.match(decodeRequest('{"kind":"request","id":1,"method":"x","extra":1}', 50).error?.message ?? '', /extra/);
  });
  it('answers an oversized message without parsing it, still pairing it with its id', () => {
    const head = encodeRequest(41, 'compile', { source: 'x' }).slice(0, 64);
    const r = decodeRequest(head, LIMITS.messageBytes + 1);
    assert.equal(r.id, 41);
    assert.equal(r.error?.kind, 'payload-too-large');
  });
});
