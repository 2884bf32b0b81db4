// Durations as Traefik reads and writes them: paerser's Duration.Set (an integer is seconds, anything else
// time.ParseDuration) and time.Duration.String(). Rows are those of Go's src/time/time_test.go
// (parseDurationTests, durationTests), written out in nanoseconds.
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './tls-defaults.ts';

describe('parseDuration', () => {
  it.each([
    // paerser: a bare integer (number or string) is seconds.
    [42, 42e9], ['42', 42e9], ['-3', -3e9], ['+3', 3e9], ['0', 0], [0, 0],
    // time.ParseDuration
    ['5s', 5e9], ['30s', 30e9], ['1478s', 1478e9], ['-5s', -5e9], ['+5s', 5e9], ['+0s', 0],
    ['5.0s', 5e9], ['5.6s', 5.6e9], ['5.s', 5e9], ['.5s', 0.5e9], ['1.0s', 1e9], ['1.00s', 1e9], ['1.004s', 1.004e9], ['1.0040s', 1.004e9], ['100.00100s', 100.001e9],
    ['10ns', 10], ['11us', 11e3], ['12µs', 12e3], ['12μs', 12e3], ['13ms', 13e6], ['14s', 14e9], ['15m', 900e9], ['16h', 57600e9],
    ['3h30m', 12600e9], ['10.5s4m', 250.5e9], ['-2m3.4s', -123.4e9], ['1h2m3s4ms5us6ns', 3723004005006], ['39h9m14.425s', 140954.425e9], ['52763797000ns', 52763797000],
  ] as const)('%j → %d ns', (text, ns) => {
    expect(parseDuration(text)).toBe(ns);
  });

  it('-0s is zero (written back as 0s)', () => {
    expect(formatDuration(parseDuration('-0s')!)).toBe('0s');
  });

  it.each([['', ''], ['-', '-'], ['s', 's'], ['.', '.'], ['-.', '-.'], ['.s', '.s'], ['+.s', '+.s'], ['1d', '1d'], ['3 s', '3 s'], ['1.5', '1.5'], ['soon', 'soon'], ['1h42', '1h42'], ['5sx', '5sx'], ['x5s', 'x5s'], ['--5s', '--5s']])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it.each([[1.5], [true], [null], [undefined], [{}], [['5s']], [['42']]])('%j is not a duration', (value) => {
    expect(parseDuration(value)).toBeNull();
  });
});

describe('formatDuration (time.Duration.String)', () => {
  it.each([
    [0, '0s'], [1, '1ns'], [1100, '1.1µs'], [2.2e6, '2.2ms'], [3.3e9, '3.3s'], [245e9, '4m5s'], [245.001e9, '4m5.001s'],
    [18367.001e9, '5h6m7.001s'], [480e9 + 1, '8m0.000000001s'], [3600e9, '1h0m0s'], [999, '999ns'], [999999, '999.999µs'], [999999999, '999.999999ms'],
    [-1, '-1ns'], [-1100, '-1.1µs'], [-2.2e6, '-2.2ms'], [-3.3e9, '-3.3s'], [-245e9, '-4m5s'], [-3600e9, '-1h0m0s'], [1e3, '1µs'], [1e6, '1ms'], [1e9, '1s'], [60e9, '1m0s'],
  ])('%d ns → %s', (ns, text) => {
    expect(formatDuration(ns)).toBe(text);
  });
});
