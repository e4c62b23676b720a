import { overflowError, valueError } from './exceptions.js';
import { fixedDigits, significantDigits } from './float-format.js';
import { asInt, big } from './int.js';
import { intToFloat } from './float.js';
import { formatFloatRepr } from './repr.js';
import { codePoints, strLen } from './str.js';
import { specFormatters } from './str-format.js';
import { PyFloat, type PyValue } from './values.js';

/**
 * The format specification mini-language for int, bool, float and str: what `format(x, spec)`
 * and f-string `{x:spec}` produce. Parsing, validation messages, and the layout of sign, prefix,
 * padding and digit grouping (including zero padding that extends the grouping) follow CPython.
 * Float digits come from exact decimal arithmetic (float-format.ts), so rounding matches.
 * CPython: Python/formatter_unicode.c (parse_internal_render_format_spec, calc_number_widths,
 * format_long_internal, format_float_internal, format_string_internal),
 * Python/pystrtod.c (format_float_short), Objects/stringlib/localeutil.h.
 */

interface Spec {
  fill: string;
  fillSpecified: boolean;
  align: string;
  alignSpecified: boolean;
  sign: string;
  noNeg0: boolean;
  alternate: boolean;
  width: number;
  /** '', ',', '_' (groups of 3) or '_4' (underscore every 4 digits, for b/o/x/X). */
  grouping: string;
  precision: number;
  type: string;
}

const isAlign = (c: string | undefined): boolean => c === '<' || c === '>' || c === '=' || c === '^';

function parseSpec(spec: string, defaultType: string, defaultAlign: string, typeName: string): Spec {
  const cs = codePoints(spec);
  const s: Spec = {
    fill: ' ',
    fillSpecified: false,
    align: defaultAlign,
    alignSpecified: false,
    sign: '',
    noNeg0: false,
    alternate: false,
    width: -1,
    grouping: '',
    precision: -1,
    type: defaultType,
  };
  let pos = 0;
  if (cs.length - pos >= 2 && isAlign(cs[pos + 1])) {
    s.align = cs[pos + 1];
    s.fill = cs[pos];
    s.fillSpecified = s.alignSpecified = true;
    pos += 2;
  } else if (cs.length - pos >= 1 && isAlign(cs[pos])) {
    s.align = cs[pos];
    s.alignSpecified = true;
    pos++;
  }
  if (cs[pos] === '+' || cs[pos] === '-' || cs[pos] === ' ') s.sign = cs[pos++];
  if (cs[pos] === 'z') {
    s.noNeg0 = true;
    pos++;
  }
  if (cs[pos] === '#') {
    s.alternate = true;
    pos++;
  }
  if (!s.fillSpecified && cs[pos] === '0') {
    s.fill = '0';
    if (!s.alignSpecified && defaultAlign === '>') s.align = '=';
    pos++;
  }
  const integer = (): number => {
    let digits = '';
    while (pos < cs.length && cs[pos] >= '0' && cs[pos] <= '9') digits += cs[pos++];
    if (digits.length > 18) throw valueError('Too many decimal digits in format string');
    return digits === '' ? -1 : Number(digits);
  };
  s.width = integer();
  if (cs[pos] === ',') {
    s.grouping = ',';
    pos++;
  }
  if (cs[pos] === '_') {
    if (s.grouping !== '') throw valueError("Cannot specify both ',' and '_'.");
    s.grouping = '_';
    pos++;
  }
  if (cs[pos] === ',' && s.grouping === '_') throw valueError("Cannot specify both ',' and '_'.");
  if (cs[pos] === '.') {
    pos++;
    s.precision = integer();
    if (s.precision < 0) throw valueError('Format specifier missing precision');
  }
  if (cs.length - pos > 1) throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  if (cs.length - pos === 1) s.type = cs[pos];
  if (s.grouping !== '') {
    if ('defgEG%F'.includes(s.type) || s.type === '') {
      // allowed
    } else if ('boxX'.includes(s.type) && s.grouping === '_') {
      s.grouping = '_4';
    } else {
      throw valueError(`Cannot specify '${s.grouping}' with '${s.type}'.`);
    }
  }
  return s;
}

/** Inserts group separators, padding with zeros up to minWidth. CPython: InsertThousandsGrouping. */
function groupDigits(digits: string, size: number, sep: string, minWidth: number): string {
  if (sep === '') {
    const l = Math.max(digits.length, minWidth, 1);
    return '0'.repeat(Math.max(0, l - digits.length)) + digits;
  }
  let out = '';
  let remaining = digits.length;
  let useSep = false;
  for (;;) {
    const l = Math.min(size, Math.max(remaining, minWidth, 1));
    const nZeros = Math.max(0, l - remaining);
    const nChars = Math.max(0, Math.min(remaining, l));
    out = '0'.repeat(nZeros) + digits.slice(remaining - nChars, remaining) + (useSep ? sep : '') + out;
    useSep = true;
    remaining -= nChars;
    minWidth -= l;
    if (remaining <= 0 && minWidth <= 0) break;
    minWidth -= sep.length;
  }
  return out;
}

/**
 * Lays out a number: | lpad | sign | prefix | spad | grouped digits | decimal + remainder | rpad |.
 * `body` is the digits without sign; its integral digit run is grouped.
 */
function layoutNumber(negative: boolean, prefix: string, body: string, spec: Spec): string {
  let i = 0;
  while (i < body.length && body[i] >= '0' && body[i] <= '9') i++;
  const digits = body.slice(0, i);
  const rest = body.slice(i);
  let sign = '';
  if (spec.sign === '+') sign = negative ? '-' : '+';
  else if (spec.sign === ' ') sign = negative ? '-' : ' ';
  else if (negative) sign = '-';
  const nonDigit = sign.length + prefix.length + strLen(rest);
  const minWidth = spec.fill === '0' && spec.align === '=' ? spec.width - nonDigit : 0;
  const sep = spec.grouping === '' ? '' : spec.grouping === '_4' ? '_' : spec.grouping;
  const size = spec.grouping === '_4' ? 4 : 3;
  const grouped = digits.length === 0 ? '' : groupDigits(digits, size, sep, minWidth);
  const padding = spec.width - (nonDigit + grouped.length);
  let lpad = 0;
  let spad = 0;
  let rpad = 0;
  if (padding > 0) {
    if (spec.align === '<') rpad = padding;
    else if (spec.align === '^') {
      lpad = Math.floor(padding / 2);
      rpad = padding - lpad;
    } else if (spec.align === '=') spad = padding;
    else lpad = padding;
  }
  const f = spec.fill;
  return f.repeat(lpad) + sign + prefix + f.repeat(spad) + grouped + rest + f.repeat(rpad);
}

function formatInt(value: PyValue, specText: string): string {
  const v = asInt(value)!;
  const spec = parseSpec(specText, 'd', '>', typeof value === 'boolean' ? 'bool' : 'int');
  if ('eEfFgG%'.includes(spec.type) && spec.type !== '') return formatFloatSpec(intToFloat(v), spec);
  if (!'bcdoxXn'.includes(spec.type) || spec.type === '') {
    throw valueError(`Unknown format code '${spec.type}' for object of type '${typeof value === 'boolean' ? 'bool' : 'int'}'`);
  }
  if (spec.precision !== -1) throw valueError('Precision not allowed in integer format specifier');
  if (spec.noNeg0) throw valueError('Negative zero coercion (z) not allowed in integer format specifier');
  if (spec.type === 'c') {
    if (spec.sign !== '') throw valueError("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (v < 0 || v > 0x10ffff) throw overflowError('%c arg not in range(0x110000)');
    const ch = String.fromCodePoint(Number(v));
    return layoutText(ch, spec);
  }
  const negative = v < 0;
  const magnitude = negative ? -big(v) : big(v);
  const base = spec.type === 'b' ? 2 : spec.type === 'o' ? 8 : spec.type === 'x' || spec.type === 'X' ? 16 : 10;
  let digits = magnitude.toString(base);
  let prefix = '';
  if (spec.alternate && base !== 10) prefix = base === 2 ? '0b' : base === 8 ? '0o' : '0x';
  if (spec.type === 'X') {
    digits = digits.toUpperCase();
    prefix = prefix.toUpperCase();
  }
  if (spec.type === 'n') spec.grouping = '';
  return layoutNumber(negative, prefix, digits, spec);
}

/** Text padded per the spec (str and the 'c' int form). */
function layoutText(text: string, spec: Spec): string {
  const len = strLen(text);
  const total = Math.max(spec.width, len);
  const left = spec.align === '>' ? total - len : spec.align === '^' ? Math.floor((total - len) / 2) : 0;
  return spec.fill.repeat(left) + text + spec.fill.repeat(total - len - left);
}

/** Strips trailing zeros (and a bare point) from a fixed or mantissa digit string. */
function stripZeros(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}

/** The digits of |x| (no sign) for a float presentation type. CPython: format_float_short. */
function floatBody(x: number, type: string, precision: number, alternate: boolean, addDot0: boolean): string {
  const ax = Math.abs(x);
  if (!Number.isFinite(ax)) {
    const t = Number.isNaN(ax) ? 'nan' : 'inf';
    return type === 'E' || type === 'F' || type === 'G' ? t.toUpperCase() : t;
  }
  const upper = type === 'E' || type === 'G';
  const expPart = (e: number): string => (upper ? 'E' : 'e') + (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0');
  switch (type) {
    case 'r':
      return formatFloatRepr(ax, true);
    case 'f':
    case 'F': {
      const s = fixedDigits(ax, precision);
      return alternate && precision === 0 ? s + '.' : s;
    }
    case 'e':
    case 'E': {
      const { digits, exp } = significantDigits(ax, precision + 1);
      let mant = digits[0];
      if (precision > 0) mant += '.' + digits.slice(1);
      else if (alternate) mant += '.';
      return mant + expPart(exp);
    }
    default: {
      // 'g' / 'G'
      const p = precision === 0 ? 1 : precision;
      const { digits, exp } = significantDigits(ax, p);
      const useExp = exp < -4 || exp + 1 > (addDot0 ? p - 1 : p);
      if (useExp) {
        let mant = digits[0] + (p > 1 || alternate ? '.' + digits.slice(1) : '');
        if (!alternate) mant = stripZeros(mant);
        return mant + expPart(exp);
      }
      let fixed: string;
      if (exp < 0) fixed = '0.' + '0'.repeat(-exp - 1) + digits;
      else if (exp + 1 >= digits.length) fixed = digits + '0'.repeat(exp + 1 - digits.length) + (alternate ? '.' : '');
      else fixed = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
      if (!alternate) fixed = stripZeros(fixed);
      if (addDot0 && !fixed.includes('.')) fixed += '.0';
      return fixed;
    }
  }
}

function formatFloatSpec(x: number, spec: Spec): string {
  let type = spec.type;
  let precision = spec.precision;
  let addDot0 = false;
  if (type === '') {
    addDot0 = true;
    type = 'r';
    if (precision >= 0) type = 'g';
  } else if (type === 'n') type = 'g';
  if (precision < 0 && type !== 'r') precision = 6;
  let pct = false;
  if (type === '%') {
    type = 'f';
    x *= 100;
    pct = true;
  }
  let body = floatBody(x, type, precision, spec.alternate, addDot0);
  let negative = x < 0 || Object.is(x, -0);
  if (Number.isNaN(x)) negative = false;
  // 'z': a value that rounds to zero loses its minus sign.
  if (spec.noNeg0 && negative && !/[1-9]/.test(body.split(/[eE]/)[0])) negative = false;
  if (pct) body += '%';
  if (spec.type === 'n') spec.grouping = '';
  return layoutNumber(negative, '', body, spec);
}

function formatFloat(value: PyValue, specText: string): string {
  const spec = parseSpec(specText, '', '>', 'float');
  if (!'eEfFgGn%'.includes(spec.type) || spec.type.length > 1) {
    throw valueError(`Unknown format code '${spec.type}' for object of type 'float'`);
  }
  return formatFloatSpec((value as PyFloat).value, spec);
}

function formatStr(value: PyValue, specText: string): string {
  const spec = parseSpec(specText, 's', '<', 'str');
  if (spec.type !== 's') throw valueError(`Unknown format code '${spec.type}' for object of type 'str'`);
  if (spec.sign !== '') throw valueError('Sign not allowed in string format specifier');
  if (spec.noNeg0) throw valueError('Negative zero coercion (z) not allowed in format specifier');
  if (spec.alternate) throw valueError('Alternate form (#) not allowed in string format specifier');
  if (spec.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  let text = value as string;
  if (spec.precision >= 0 && strLen(text) > spec.precision) text = codePoints(text).slice(0, spec.precision).join('');
  return layoutText(text, spec);
}

specFormatters.set('int', formatInt);
specFormatters.set('bool', formatInt);
specFormatters.set('float', formatFloat);
specFormatters.set('str', formatStr);
