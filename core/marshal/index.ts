/**
 * marshal and .pyc files: the reader, the writer (byte-identical to CPython 3.11's for compiled
 * code) and the pyc header. See core/notes/pyc.md.
 */
export { loads, loadsWithEnd, setsReadByMarshal } from './reader.js';
export { dumps } from './writer.js';
export { dumpPyc, loadPyc, readPycHeader, type PycHeader, type PycHeaderInput } from './pyc.js';
export { MarshalError, UnmarshallableError } from './errors.js';
export { MarshalDict, MarshalList, MarshalSet, StopIteration, PyStopIterationClass } from './containers.js';
export { encodeUtf8, decodeUtf8 } from './utf8.js';
