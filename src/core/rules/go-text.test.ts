// Go's unicode/utf8 (RuneLen, DecodeRune), strings (TrimSpace with unicode.IsSpace, ToLower/ToUpper with the
// simple case mappings) and the scanner's character classes (go/scanner isLetter/isDigit), as go-text.ts mirrors
// them. Expected values are Go's, written out from the Go specification and the Unicode tables.
import { describe, expect, it } from 'vitest';
import { firstNonASCII, goDecodeUtf8, goToLower, goToUpper, goTrimSpace, hexVal, isASCII, isDecimal, isIdentPart, isLetter, show, showList, utf8Length } from './go-text.ts';

describe('utf8Length: len(s) of the UTF-8 encoding', () => {
  it.each([
    { desc: 'empty', s: '', want: 0 },
    { desc: 'U+007F is one byte', s: '\u007f', want: 1 },
    { desc: 'U+0080 is two bytes', s: '\u0080', want: 2 },
    { desc: 'U+07FF is two bytes', s: '\u07ff', want: 2 },
    { desc: 'U+0800 is three bytes', s: '\u0800', want: 3 },
    { desc: 'U+FFFF is three bytes', s: '\uffff', want: 3 },
    { desc: 'a surrogate pair (U+1F9AD) is four bytes', s: '\u{1f9ad}', want: 4 },
    { desc: 'the highest pair (U+10FFFF) is four bytes', s: '\u{10ffff}', want: 4 },
    { desc: 'a lone high surrogate is U+FFFD, three bytes', s: '\ud800', want: 3 },
    { desc: 'a high surrogate before a letter: U+FFFD then one byte', s: '\udbffA', want: 4 },
    { desc: 'a lone low surrogate is U+FFFD, three bytes', s: '\udc00', want: 3 },
    { desc: 'a low surrogate before a high one is not a pair', s: '\udc00\ud800', want: 6 },
    { desc: 'mixed', s: 'Host(`é`)', want: 10 },
  ])('$desc: $want', ({ s, want }) => {
    expect(utf8Length(s)).toBe(want);
    // TextEncoder writes the same U+FFFD for lone surrogates that Go counts.
    expect(new TextEncoder().encode(s).length).toBe(want);
  });
});

describe('goDecodeUtf8: utf8.DecodeRune in a loop, one U+FFFD per invalid byte', () => {
  const R = '\uFFFD';
  it.each([
    { desc: 'ASCII', bytes: [0x61, 0x7f], want: 'a\u007f' },
    { desc: 'two-byte minimum (C2 80)', bytes: [0xc2, 0x80], want: '\u0080' },
    { desc: 'two-byte maximum (DF BF)', bytes: [0xdf, 0xbf], want: '\u07ff' },
    { desc: 'overlong two-byte (C1 BF)', bytes: [0xc1, 0xbf], want: R + R },
    { desc: 'overlong two-byte (C0 80)', bytes: [0xc0, 0x80], want: R + R },
    { desc: 'three-byte minimum (E0 A0 80)', bytes: [0xe0, 0xa0, 0x80], want: '\u0800' },
    { desc: 'overlong three-byte (E0 9F BF)', bytes: [0xe0, 0x9f, 0xbf], want: R + R + R },
    { desc: 'euro sign (E2 82 AC)', bytes: [0xe2, 0x82, 0xac], want: '€' },
    { desc: 'three-byte maximum (EF BF BF)', bytes: [0xef, 0xbf, 0xbf], want: '\uffff' },
    { desc: 'encoded surrogate (ED A0 80)', bytes: [0xed, 0xa0, 0x80], want: R + R + R },
    { desc: 'last before the surrogates (ED 9F BF)', bytes: [0xed, 0x9f, 0xbf], want: '\ud7ff' },
    { desc: 'four-byte minimum (F0 90 80 80)', bytes: [0xf0, 0x90, 0x80, 0x80], want: '\u{10000}' },
    { desc: 'overlong four-byte (F0 8F BF BF)', bytes: [0xf0, 0x8f, 0xbf, 0xbf], want: R + R + R + R },
    { desc: 'four-byte maximum (F4 8F BF BF)', bytes: [0xf4, 0x8f, 0xbf, 0xbf], want: '\u{10ffff}' },
    { desc: 'above U+10FFFF (F4 90 80 80)', bytes: [0xf4, 0x90, 0x80, 0x80], want: R + R + R + R },
    { desc: 'F5 never starts a rune', bytes: [0xf5, 0x80, 0x80, 0x80], want: R + R + R + R },
    { desc: 'lone continuation byte', bytes: [0x80, 0x41], want: R + 'A' },
    { desc: 'FF', bytes: [0xff], want: R },
    { desc: 'truncated at the end', bytes: [0x41, 0xe2, 0x82], want: 'A' + R + R },
    { desc: 'non-continuation in the middle', bytes: [0xe2, 0x41, 0xac], want: R + 'A' + R },
    { desc: 'two-byte rune then ASCII', bytes: [0xc3, 0xa9, 0x21], want: 'é!' },
    { desc: 'empty', bytes: [], want: '' },
  ])('$desc', ({ bytes, want }) => expect(goDecodeUtf8(bytes)).toBe(want));
});

describe('goTrimSpace: strings.TrimSpace (unicode.IsSpace)', () => {
  it.each([
    { desc: 'ASCII white space', s: '\t\n\v\f\r a \t', want: 'a' },
    { desc: 'NEL and NBSP', s: '\u0085\u00a0a\u00a0', want: 'a' },
    { desc: 'Ogham space mark', s: '\u1680a', want: 'a' },
    { desc: 'en quad (U+2000) and hair space (U+200A)', s: '\u2000a\u200a', want: 'a' },
    { desc: 'line and paragraph separators', s: '\u2028a\u2029', want: 'a' },
    { desc: 'narrow NBSP, math space, ideographic space', s: '\u202f\u205fa\u3000', want: 'a' },
    { desc: 'zero width space (U+200B) is not white space', s: '\u200ba\u200b', want: '\u200ba\u200b' },
    { desc: 'U+1FFF is not white space', s: '\u1fffa', want: '\u1fffa' },
    { desc: 'byte order mark is not white space', s: '\ufeffa', want: '\ufeffa' },
    { desc: 'inner spaces stay', s: ' a b ', want: 'a b' },
    { desc: 'all space', s: ' \t ', want: '' },
  ])('$desc', ({ s, want }) => expect(goTrimSpace(s)).toBe(want));
});

describe('goToLower / goToUpper: per-rune simple case mapping', () => {
  it.each([
    { desc: 'ASCII', s: 'Example.COM', want: 'example.com' },
    { desc: 'dotted capital I is i (JS would add a combining dot)', s: 'İSTANBUL.example', want: 'istanbul.example' },
    { desc: 'final sigma has no context in Go', s: 'ΑΣ', want: 'ασ' },
    { desc: 'Latin-1 capital', s: 'CAFÉ', want: 'café' },
  ])('lower: $desc', ({ s, want }) => expect(goToLower(s)).toBe(want));

  it.each([
    { desc: 'ASCII', s: 'get', want: 'GET' },
    { desc: 'sharp s has no simple upper case (JS writes SS)', s: 'straße', want: 'STRAßE' },
    { desc: 'Latin-1 small letter', s: 'café', want: 'CAFÉ' },
    { desc: 'ŉ has no simple upper case (JS writes ʼN)', s: 'ŉa', want: 'ŉA' },
  ])('upper: $desc', ({ s, want }) => expect(goToUpper(s)).toBe(want));
});

describe('ASCII tests (muxer.IsASCII)', () => {
  it.each([
    { s: '', ascii: true, first: -1 },
    { s: 'abc\u007f', ascii: true, first: -1 },
    { s: 'ab\u0080', ascii: false, first: 2 },
    { s: 'é', ascii: false, first: 0 },
  ])('$s', ({ s, ascii, first }) => {
    expect(isASCII(s)).toBe(ascii);
    expect(firstNonASCII(s)).toBe(first);
  });
});

describe("go/scanner's character classes", () => {
  it.each([
    { ch: 'a', letter: true, part: true },
    { ch: 'z', letter: true, part: true },
    { ch: 'A', letter: true, part: true },
    { ch: 'Z', letter: true, part: true },
    { ch: '_', letter: true, part: true },
    { ch: '0', letter: false, part: true },
    { ch: '9', letter: false, part: true },
    { ch: '@', letter: false, part: false },
    { ch: '[', letter: false, part: false },
    { ch: '`', letter: false, part: false },
    { ch: '{', letter: false, part: false },
    { ch: '/', letter: false, part: false },
    { ch: ':', letter: false, part: false },
    { ch: 'é', letter: true, part: true },
    { ch: '日', letter: true, part: true },
    { ch: '\u0663', letter: false, part: true }, // ARABIC-INDIC DIGIT THREE: a Unicode decimal digit
    { ch: '\u00b2', letter: false, part: false }, // SUPERSCRIPT TWO: a number, not a decimal digit
    { ch: '\u{1d49c}', letter: true, part: true }, // MATHEMATICAL SCRIPT CAPITAL A: a letter outside the BMP
  ])('$ch', ({ ch, letter, part }) => {
    expect(isLetter(ch)).toBe(letter);
    expect(isIdentPart(ch)).toBe(part);
  });

  it.each([
    { c: '0', dec: true, hex: 0 },
    { c: '9', dec: true, hex: 9 },
    { c: 'a', dec: false, hex: 10 },
    { c: 'F', dec: false, hex: 15 },
    { c: 'g', dec: false, hex: 99 },
    { c: '/', dec: false, hex: 99 },
    { c: ':', dec: false, hex: 99 },
    { c: undefined, dec: false, hex: 99 },
  ])('digit $c', ({ c, dec, hex }) => {
    expect(isDecimal(c)).toBe(dec);
    expect(hexVal(c)).toBe(hex);
  });
});

describe('show / showList (values in messages)', () => {
  it('keeps 80 characters and cuts longer values with an ellipsis', () => {
    expect(show('x'.repeat(80))).toBe('`' + 'x'.repeat(80) + '`');
    expect(show('x'.repeat(81))).toBe('`' + 'x'.repeat(80) + '…`');
    expect(show('abcdef', 3)).toBe('`abc…`');
  });

  it('lists up to five values, then the count', () => {
    expect(showList(['a', 'b'])).toBe('`a`, `b`');
    expect(showList(['1', '2', '3', '4', '5'])).toBe('`1`, `2`, `3`, `4`, `5`');
    expect(showList(['1', '2', '3', '4', '5', '6'])).toBe('`1`, `2`, `3`, `4`, `5`, … (6 in all)');
  });
});
