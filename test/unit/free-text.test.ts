import { describe, expect, it } from 'vitest';
import { draftText, forbiddenCharacter, freeText } from '#lib/domain/free-text';

describe('typed text refuses characters nobody types (issue 12, point 5)', () => {
  it.each([
    ['\u0000', false, 'a control character (U+0000)'],
    ['\u001f', true, 'a control character (U+001F)'],
    ['\u007f', true, 'a control character (U+007F)'],
    ['\u009f', true, 'a control character (U+009F)'],
    ['\t', false, 'a control character (U+0009)'],
    ['\n', false, 'a control character (U+000A)'],
    ['\r\n', false, 'a control character (U+000D)'],
    ['\r', true, 'a control character (U+000D)'],
    ['\u202a', true, 'a bidi control (U+202A)'],
    ['\u202e', true, 'a bidi control (U+202E)'],
    ['\u2066', true, 'a bidi control (U+2066)'],
    ['\u2069', true, 'a bidi control (U+2069)'],
    ['\ud800', true, 'a lone surrogate (U+D800)'],
    ['\udfff', true, 'a lone surrogate (U+DFFF)'],
    ['\ufdd0', true, 'a noncharacter (U+FDD0)'],
    ['\ufdef', true, 'a noncharacter (U+FDEF)'],
    ['\uffff', true, 'a noncharacter (U+FFFF)'],
    ['\u{10fffe}', true, 'a noncharacter (U+10FFFE)'],
  ])('%j (multi-line %s) is %s', (text, multiline, found) => {
    expect(forbiddenCharacter(`甲${text}乙`, multiline)).toBe(found);
  });

  it.each(['\t', '\n', '\r\n', '😀', '\u200d', '\u00a0', '\ufdcf', '\ufdf0', '\ufffd', '\u202f', '\u2065'])(
    '%j is fine in long text',
    (text) => {
      expect(forbiddenCharacter(`甲${text}乙`, true)).toBeUndefined();
    },
  );

  it('fields of 1000 characters and more are long text; shorter ones are one line', () => {
    expect(freeText(999).safeParse('甲\n乙').error?.issues[0]?.message).toBe(
      'must not contain a control character (U+000A)',
    );
    expect(freeText(1000).parse(' 甲\n乙 ')).toBe('甲\n乙');
    expect(draftText(20000).parse('')).toBe('');
    expect(draftText(20000).safeParse('\u202e').success).toBe(false);
  });
});
