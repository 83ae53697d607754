import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/width.js';

describe('displayWidth', () => {
  it('agrees with string-width on every character of the Basic Multilingual Plane', () => {
    const disagreements: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      if (displayWidth(ch) !== stringWidth(ch)) disagreements.push(`U+${code.toString(16)}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('agrees with string-width on mixed texts: English, Japanese, emoji, combining marks, escapes', () => {
    const pieces = [
      'a',
      'Z',
      ' ',
      '—',
      '日',
      'ア',
      'ｱ',
      '。',
      '→',
      '↔',
      '©',
      '👍',
      '👩‍💻',
      'é',
      'e\u0301',
      '\u001b[31m',
      '\u001b[39m',
      '\u001b[1;4m',
      '\u001b]8;;x\u0007',
      '\u001b[38:5:1m',
      '\u00ad',
      '🇯🇵',
      '\t',
      '゙',
      '✗',
      '⚠',
      '™',
      '≥',
      '░',
      '█',
      '⏎',
      '\u200b',
      'ｶﾞ',
      'か\u3099',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
    );
  });

  it('counts full-width characters as two columns and the rest as one: 18 + 3 + (2 + 2) + 2', () => {
    expect(displayWidth('Shared customer ID — 顧客ID')).toBe(18 + 3 + 4 + 2);
  });
});
