export * from './errors.js';
export * from './format.js';
export * from './decode.js';
export * from './utf8.js';
export { lookupCodec, normalizeEncodingName, type CodecLookup, type HandledCodec } from './codecs.js';
