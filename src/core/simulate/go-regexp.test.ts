// Go's regexp as the middlewares use it, checked against the replaceTests table of Go's regexp/all_test.go
// (ReplaceAllString: empty matches, multibyte input, anchors, `$0`/`${1}`/`$name`/`$$` expansion) and the
// FindStringSubmatch / MatchString behaviour that table's neighbours pin. Expected values written out.
import { describe, expect, it } from 'vitest';
import { compileGoRegexp, findStringSubmatch, matchString, replaceAllString } from './go-regexp.ts';

describe('ReplaceAllString (regexp/all_test.go replaceTests)', () => {
  it.each([
    // Empty input and/or replacement, with a pattern that matches the empty string.
    ['', '', '', ''],
    ['', 'x', '', 'x'],
    ['', '', 'abc', 'abc'],
    ['', 'x', 'abc', 'xaxbxcx'],
    // With a pattern that does not match the empty string.
    ['b', '', '', ''],
    ['b', 'x', '', ''],
    ['b', '', 'abc', 'ac'],
    ['b', 'x', 'abc', 'axc'],
    ['y', 'x', 'abc', 'abc'],
    // Multibyte characters: no match in the middle of a character.
    ['[a-c]*', 'x', '\u65e5', 'x\u65e5x'],
    ['[^\u65e5]', 'x', 'abc\u65e5def', 'xxx\u65e5xxx'],
    ['[a-c]*', 'x', 'a\u{1F600}b', 'x\u{1F600}x'],
    // Start and end of a string.
    ['^[a-c]*', 'x', 'abcdabc', 'xdabc'],
    ['[a-c]*$', 'x', 'abcdabc', 'abcdx'],
    ['^[a-c]*$', 'x', 'abcdabc', 'abcdabc'],
    ['^[a-c]*', 'x', 'abc', 'x'],
    ['[a-c]*$', 'x', 'abc', 'x'],
    ['^[a-c]*', 'x', 'dabce', 'xdabce'],
    ['[a-c]*$', 'x', 'dabce', 'dabcex'],
    ['^[a-c]*', 'x', '', 'x'],
    ['^[a-c]+', 'x', 'abcdabc', 'xdabc'],
    ['[a-c]+$', 'x', 'abcdabc', 'abcdx'],
    ['^[a-c]+', 'x', 'dabce', 'dabce'],
    ['^[a-c]+', 'x', '', ''],
    // Other cases.
    ['abc', 'def', 'abcdefg', 'defdefg'],
    ['bc', 'BC', 'abcbcdcdedef', 'aBCBCdcdedef'],
    ['abc', '', 'abcdabc', 'd'],
    ['x', 'xXx', 'xxxXxxx', 'xXxxXxxXxXxXxxXxxXx'],
    ['.+', 'x', 'abc', 'x'],
    ['[a-c]*', 'x', 'def', 'xdxexfx'],
    ['[a-c]+', 'x', 'abcbcdcdedef', 'xdxdedef'],
    ['[a-c]*', 'x', 'abcbcdcdedef', 'xdxdxexdxexfx'],
    // Substitutions.
    ['a+', '($0)', 'banana', 'b(a)n(a)n(a)'],
    ['a+', '(${0})', 'banana', 'b(a)n(a)n(a)'],
    ['a+', '(${0})$0', 'banana', 'b(a)an(a)an(a)a'],
    ['hello, (.+)', 'goodbye, ${1}', 'hello, world', 'goodbye, world'],
    ['hello, (.+)', 'goodbye, $1x', 'hello, world', 'goodbye, '],
    ['hello, (.+)', 'goodbye, ${1}x', 'hello, world', 'goodbye, worldx'],
    ['hello, (.+)', '<$0><$1><$2><$3>', 'hello, world', '<hello, world><world><><>'],
    ['hello, (?P<noun>.+)', 'goodbye, $noun!', 'hello, world', 'goodbye, world!'],
    ['hello, (?P<noun>.+)', 'goodbye, ${noun}', 'hello, world', 'goodbye, world'],
    ['a+', '${oops', 'aaa', '${oops'],
    ['a+', '$$', 'aaa', '$'],
    ['a+', '$', 'aaa', '$'],
    // Substitution when the subexpression is not found.
    ['(x)?', '$1', '123', '123'],
    ['abc', '$1', '123', '123'],
    // Subexpressions with {0}.
    ['(a)(b){0}(c)', '.$1|$3.', 'xacxacx', 'x.a|c.x.a|c.x'],
    ['(a)(b){0}(c)', '.$2|$3.', 'xacxacx', 'x.|c.x.|c.x'],
  ])('pattern %j, replacement %j, input %j → %j', (pattern, replacement, input, output) => {
    expect(replaceAllString(compileGoRegexp(pattern), input, replacement)).toBe(output);
  });

  it.each([
    // extract: a number of 9 digits or more, or with a leading zero, is a name.
    ['(a)', '$01', 'a', ''],
    ['(a)', '${01}', 'a', ''],
    ['(a)', '$000000001', 'a', ''],
    ['(a)', '$00000001', 'a', ''],
    ['(a)', '${1', 'a', '${1'],
    ['(a)', '${}', 'a', '${}'],
    ['(a)', '$-', 'a', '$-'],
    // A name is any run of Unicode letters, digits and `_` (unicode.IsLetter/IsDigit).
    ['(a)', '[$é]', 'a', '[]'],
    ['(a)', '[$1é]', 'a', '[]'],
  ])('pattern %j, template %j on %j → %j', (pattern, template, input, output) => {
    expect(replaceAllString(compileGoRegexp(pattern), input, template)).toBe(output);
  });

  it('a pattern that does not compile replaces nothing', () => {
    expect(replaceAllString(compileGoRegexp('(?=x)'), 'x', 'y')).toBe('x');
  });
});

describe('compile, match, submatch', () => {
  it('compile errors carry a message; results are cached', () => {
    const bad = compileGoRegexp('a(');
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.error).not.toBe('');
    expect(compileGoRegexp('a(')).toBe(bad);
    expect(compileGoRegexp('x+')).toBe(compileGoRegexp('x+'));
  });

  it('group names are ASCII word characters (isValidCaptureName)', () => {
    expect(compileGoRegexp('(?P<é>a)').ok).toBe(false);
  });

  it('a pattern that does not compile matches nothing', () => {
    expect(matchString(compileGoRegexp('(?=x)'), 'x')).toBe(false);
    expect(findStringSubmatch(compileGoRegexp('(?=x)'), 'x')).toBeNull();
  });

  it('FindStringSubmatch: no match, and every group', () => {
    expect(findStringSubmatch(compileGoRegexp('z'), 'abc')).toBeNull();
    expect(findStringSubmatch(compileGoRegexp('(a)(x)?(b)'), 'cab')).toEqual(['ab', 'a', '', 'b']);
  });
});
