import { describe, expect, it } from 'vitest';
import { escapeUnsafeInJson, sanitizeData, sanitizeLine, sanitizeLines, sanitizeText } from '../../src/text/sanitize.js';

describe('sanitizeText keeps tab and newline and escapes every other control and bidi character', () => {
  it.each([
    ['plain text', 'Journey teams', 'Journey teams'],
    ['Japanese', 'ジャーニー', 'ジャーニー'],
    ['OSC retitle', 'e1\u001b]0;PWN\u0007', 'e1\\u001B]0;PWN\\u0007'],
    ['CSI clear', 'a\u001b[2Jb', 'a\\u001B[2Jb'],
    ['C1 CSI', 'a\u009b2J', 'a\\u009B2J'],
    ['DEL and NUL', '\u007f\u0000', '\\u007F\\u0000'],
    ['carriage return', 'a\rb', 'a\\u000Db'],
    ['bidi override and isolate', 'txt\u202eexe\u2066x\u2069', 'txt\\u202Eexe\\u2066x\\u2069'],
    ['tab and newline kept', 'a\tb\nc', 'a\tb\nc'],
    ['zero-width joiner and LRM left alone', 'a\u200db\u200e', 'a\u200db\u200e'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });
});

describe('sanitizeLine also escapes tab and newline: one message stays one line', () => {
  it('escapes a newline and a tab', () => {
    expect(sanitizeLine('a\nb\tc\u001b')).toBe('a\\u000Ab\\u0009c\\u001B');
  });
  it('sanitizeLines keeps the breaks between messages and makes each safe', () => {
    expect(sanitizeLines('one\u001b\ntwo\u0007\n')).toBe('one\\u001B\ntwo\\u0007\n');
  });
});

describe('escapeUnsafeInJson', () => {
  it('escapes DEL, C1 and bidi controls, which JSON.stringify leaves raw, and parses back to the same data', () => {
    const data = { name: 'a\u007f\u009b\u202e\u2069', note: 'ESC \u001b' };
    const json = escapeUnsafeInJson(JSON.stringify(data));
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe('sanitizeData', () => {
  it('makes every string of nested data safe and leaves numbers, booleans and null alone', () => {
    const data = { title: 'T\u001b', list: [{ label: 'L\u202e', value: 3 }], ok: true, none: null };
    expect(sanitizeData(data)).toEqual({ title: 'T\\u001B', list: [{ label: 'L\\u202E', value: 3 }], ok: true, none: null });
    expect(data.title).toBe('T\u001b');
  });

  it('returns the same object when nothing needs escaping (a large report is not copied)', () => {
    const data = { a: [{ b: 'x' }], c: 1 };
    expect(sanitizeData(data)).toBe(data);
  });

  it('keeps a key named __proto__ as data, never as the prototype', () => {
    const hostile: unknown = JSON.parse('{"__proto__": {"polluted": "yes\\u001b"}, "x": "y\\u001b"}');
    const safe = sanitizeData(hostile);
    expect(Object.getPrototypeOf(safe)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(safe, '__proto__')?.value).toEqual({ polluted: 'yes\\u001B' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a getter lazy: the list is built only when read, and made safe then', () => {
    let reads = 0;
    const data = {
      title: 'x\u001b',
      get respondents() {
        reads++;
        return [{ name: 'n\u001b' }];
      },
    };
    const safe = sanitizeData(data);
    expect(reads).toBe(0);
    expect(safe.respondents).toEqual([{ name: 'n\\u001B' }]);
    expect(reads).toBe(1);
  });

  it('makes a kept list safe once, however often it is read, and a rebuilt one at each read', () => {
    const kept = Array.from({ length: 3 }, (_, i) => ({ name: `n${i}\u001b` }));
    const data = {
      get respondents() {
        return kept;
      },
      get rebuilt() {
        return [{ name: 'r\u001b' }];
      },
    };
    const safe = sanitizeData(data);
    const first = safe.respondents;
    expect(first).toEqual([{ name: 'n0\\u001B' }, { name: 'n1\\u001B' }, { name: 'n2\\u001B' }]);
    // The same safe copy: renderers read report.respondents many times (20,000 files: 7 % of a score).
    expect(safe.respondents).toBe(first);
    expect(safe.rebuilt).toEqual([{ name: 'r\\u001B' }]);
    expect(safe.rebuilt).not.toBe(safe.rebuilt);
  });
});
