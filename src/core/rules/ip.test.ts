// ClientIP's address parsing and containment: pkg/ip/checker.go (NewChecker with net.ParseIP / net.ParseCIDR,
// Contains with netip.ParseAddr, IPNet.Contains) and strategy.go (RemoteAddrStrategy). Expected values follow
// Go's net and net/netip rules: strict dotted decimal without leading zeros, at most four hex digits per IPv6
// group, an embedded IPv4 only at the end, zones only on the client side, CIDR bits by dtoi (leading zeros read).
import { describe } from 'vitest';
import { itMatches, itRejects, type MatchCase } from './test-support.ts';

const client = (rule: string, clientIP: string, expected: boolean, desc: string): MatchCase => ({ desc, rule, request: { url: 'http://a/', clientIP }, expected });

describe('client addresses netip.ParseAddr accepts or refuses', () => {
  itMatches('v3', [
    client('ClientIP(`0.0.0.0/0`)', '1.2.3.4', true, 'dotted decimal'),
    client('ClientIP(`0.0.0.0/0`)', '01.2.3.4', false, 'leading zero'),
    client('ClientIP(`0.0.0.0/0`)', '1.2.3', false, 'three fields'),
    client('ClientIP(`0.0.0.0/0`)', '1.2.3.4.5', false, 'five fields'),
    client('ClientIP(`0.0.0.0/0`)', '256.1.1.1', false, 'field above 255'),
    client('ClientIP(`0.0.0.0/0`)', '1.2.3.4%eth0', false, 'a zone on an IPv4 address'),
    client('ClientIP(`0.0.0.0/0`)', '::ffff:1.2.3.4', true, 'IPv4-mapped IPv6 is IPv4'),
    client('ClientIP(`0.0.0.0/0`)', '::FFFF:1.2.3.4', true, 'IPv4-mapped in upper case'),
    client('ClientIP(`::/0`)', '::', true, 'the unspecified IPv6 address'),
    client('ClientIP(`::/0`)', '::1', true, 'loopback'),
    client('ClientIP(`::/0`)', '1:2:3:4:5:6:1.2.3.4', true, 'six groups and an embedded IPv4'),
    client('ClientIP(`::/0`)', '::1.2.3.04', false, 'embedded IPv4 with a leading zero'),
    client('ClientIP(`::/0`)', '::1.2.3', false, 'embedded IPv4 with three fields'),
    client('ClientIP(`::/0`)', '1.2::1', false, 'IPv4 part not at the end'),
    client('ClientIP(`::/0`)', '12345::1', false, 'group of five digits'),
    client('ClientIP(`::/0`)', 'g::1', false, 'not a hex digit'),
    client('ClientIP(`::/0`)', '1::2::3', false, 'two ::'),
    client('ClientIP(`::/0`)', '1:2:3:4:5:6:7', false, 'seven groups'),
    client('ClientIP(`::/0`)', '1:2:3:4:5:6:7:8:9', false, 'nine groups'),
    client('ClientIP(`::/0`)', 'fe80::1%', false, 'empty zone'),
    client('ClientIP(`::/0`)', '[fe80::1%eth0]:443', true, 'zone with a port'),
    client('ClientIP(`::/0`)', '[::1]', false, 'brackets without a port are not stripped'),
  ]);
});

describe('rule entries net.ParseIP / net.ParseCIDR accept or refuse', () => {
  itRejects('v3', [
    { desc: 'CIDR without bits', rule: 'ClientIP(`10.0.0.0/`)', code: 'RULE_BAD_IP', at: [9, 11] },
    { desc: 'CIDR with negative bits', rule: 'ClientIP(`10.0.0.0/-1`)', code: 'RULE_BAD_IP' },
    { desc: 'CIDR with a plus sign', rule: 'ClientIP(`10.0.0.0/+8`)', code: 'RULE_BAD_IP' },
    { desc: 'CIDR with a zone', rule: 'ClientIP(`fe80::1%eth0/64`)', code: 'RULE_BAD_IP' },
    { desc: 'CIDR of a bad address', rule: 'ClientIP(`10.0.0/8`)', code: 'RULE_BAD_IP' },
    { desc: 'IPv6 group too long', rule: 'ClientIP(`12345::`)', code: 'RULE_BAD_IP' },
  ]);
  itRejects('v2', [{ desc: 'v2: the first bad entry is named', rule: 'ClientIP(`10.0.0.1`, `x`, `y`)', code: 'RULE_BAD_IP', at: [21, 3] }]);
  itMatches('v3', [
    client('ClientIP(`10.0.0.0/08`)', '10.9.9.9', true, 'CIDR bits with a leading zero are read as 8'),
    client('ClientIP(`10.0.0.0/08`)', '11.0.0.1', false, 'CIDR bits with a leading zero, outside'),
    client('ClientIP(`::ffff:10.0.0.1`)', '10.0.0.1', true, 'IPv4-mapped rule entry equals the IPv4 client'),
    client('ClientIP(`::ffff:10.0.0.0/104`)', '10.1.2.3', true, 'IPv4-mapped CIDR /104 is 10.0.0.0/8 for an IPv4 client'),
    client('ClientIP(`::ffff:10.0.0.0/104`)', '11.0.0.1', false, 'IPv4-mapped CIDR /104, outside'),
    client('ClientIP(`10.0.0.0/12`)', '10.15.255.255', true, 'partial-byte mask, last address'),
    client('ClientIP(`10.0.0.0/12`)', '10.16.0.0', false, 'partial-byte mask, next block'),
    client('ClientIP(`192.168.1.128/25`)', '192.168.1.127', false, '/25, below'),
    client('ClientIP(`192.168.1.128/25`)', '192.168.1.255', true, '/25, inside'),
    client('ClientIP(`10.0.0.1/32`)', '10.0.0.1', true, '/32 is one address'),
    client('ClientIP(`10.0.0.1/32`)', '10.0.0.2', false, '/32, the next address'),
    client('ClientIP(`2001:db8::/33`)', '2001:db8:7fff::1', true, 'IPv6 /33, inside'),
    client('ClientIP(`2001:db8::/33`)', '2001:db8:8000::1', false, 'IPv6 /33, outside'),
    client('ClientIP(`::1/128`)', '::1', true, '/128 is one address'),
    client('ClientIP(`::1/128`)', '::2', false, '/128, the next address'),
    client('ClientIP(`::ffff:0:0/96`)', '1.2.3.4', true, 'the IPv4-mapped /96 holds every IPv4 client'),
  ]);
  itMatches('v2', [
    client('ClientIP(`10.0.0.1`, `fd00::/8`)', 'fd00::5', true, 'v2: the second entry, a CIDR'),
    client('ClientIP(`10.0.0.1`, `fd00::/8`)', '[::ffff:10.0.0.1]:80', true, 'v2: the first entry, IPv4-mapped client'),
  ]);
});
