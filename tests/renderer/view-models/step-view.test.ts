import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stepView } from '../../../renderer/view-models/step-view.js';
import { binding, endedStep, frame, position, traceStep, value } from '../support/states.js';

const moduleFrame = frame({
  codeIndex: 0,
  offset: 12,
  position: position(3, 0, 5),
  stack: [value('NULL', 'NULL'), value('function', '<function f at 0x1>', 7)],
});
const functionFrame = frame({
  codeIndex: 1,
  name: 'f',
  qualname: 'Point.f',
  offset: 4,
  position: position(2, 11, 16),
  stack: [value('int', '1')],
  locals: [binding('x', value('int', '1')), binding('y', null)],
});
const globals = [binding('f', value('function', '<function f at 0x1>', 7)), binding('n', value('int', '3'))];

describe('stepView', () => {
  it('shows step 0 with the module frame in focus, its globals and no last instruction', () => {
    const v = stepView(traceStep({ step: 0, frames: [moduleFrame], globals }));
    assert.equal(v.step, 0);
    assert.equal(v.status, 'running');
    assert.equal(v.ended, false);
    assert.equal(v.totalSteps, null);
    assert.equal(v.top, moduleFrame);
    assert.deepEqual(v.current, { codeIndex: 0, offset: 12 });
    assert.deepEqual(v.callers, []);
    assert.deepEqual(v.position, position(3, 0, 5));
    assert.deepEqual(v.names, { title: 'Globals', bindings: globals });
    assert.equal(v.lastOpname, null);
  });

  it("puts the innermost frame in focus and shows its locals, titled with the function's qualname", () => {
    const v = stepView(traceStep({ step: 9, frames: [moduleFrame, functionFrame], globals, last: { codeIndex: 1, offset: 2, opname: 'LOAD_FAST' } }));
    assert.equal(v.top, functionFrame);
    assert.deepEqual(v.current, { codeIndex: 1, offset: 4 });
    assert.deepEqual(v.position, position(2, 11, 16));
    assert.deepEqual(v.stack, [value('int', '1')]);
    assert.equal(v.names.title, 'Locals of Point.f');
    assert.deepEqual(v.names.bindings, functionFrame.locals);
    assert.equal(v.lastOpname, 'LOAD_FAST');
  });

  it('lists where each calling frame waits, outermost first, leaving out the frame in focus', () => {
    const inner = frame({ codeIndex: 2, name: 'g', qualname: 'g', offset: 30 });
    const v = stepView(traceStep({ frames: [moduleFrame, functionFrame, inner] }));
    assert.deepEqual(v.callers, [
      { codeIndex: 0, offset: 12 },
      { codeIndex: 1, offset: 4 },
    ]);
    assert.deepEqual(v.current, { codeIndex: 2, offset: 30 });
    assert.equal(v.frames.length, 3);
  });

  it('passes the console text through as the program wrote it', () => {
    const v = stepView(traceStep({ stdout: 'a\nb\n', stderr: 'warning\n' }));
    assert.equal(v.stdout, 'a\nb\n');
    assert.equal(v.stderr, 'warning\n');
  });

  it('shows no frame, no instruction and an empty stack once the program has finished, keeping the globals', () => {
    const v = stepView(endedStep(42, { globals, stdout: 'done\n' }));
    assert.equal(v.ended, true);
    assert.equal(v.status, 'finished');
    assert.equal(v.totalSteps, 42);
    assert.equal(v.top, null);
    assert.equal(v.current, null);
    assert.equal(v.position, null);
    assert.deepEqual(v.callers, []);
    assert.deepEqual(v.stack, []);
    assert.deepEqual(v.names, { title: 'Globals', bindings: globals });
    assert.equal(v.exception, null);
    assert.equal(v.stdout, 'done\n');
  });

  it('carries the uncaught exception and its traceback when the run raised', () => {
    const exception = {
      type: 'ZeroDivisionError',
      message: 'division by zero',
      traceback: 'Traceback (most recent call last):\n  File "main.py", line 1, in <module>\nZeroDivisionError: division by zero\n',
    };
    const v = stepView(endedStep(5, { status: 'raised', exception, stderr: exception.traceback, last: { codeIndex: 0, offset: 6, opname: 'BINARY_OP' } }));
    assert.equal(v.status, 'raised');
    assert.equal(v.ended, true);
    assert.deepEqual(v.exception, exception);
    assert.equal(v.stderr, exception.traceback);
    assert.equal(v.lastOpname, 'BINARY_OP');
    assert.equal(v.notSupported, null);
  });

  it('gives the message of a construct Bytescope cannot run yet', () => {
    const notSupported = { construct: 'async def', lineno: 4, message: 'async functions are not supported yet' };
    const v = stepView(traceStep({ status: 'stopped', notSupported }, { ended: true }));
    assert.equal(v.notSupported, 'async functions are not supported yet');
    assert.equal(v.exception, null);
  });
});
