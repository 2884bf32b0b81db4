import { describe, expect, it } from 'vitest';
import { brief, check } from './test-fixtures.ts';

// serverstransport.go RootCA: +kubebuilder:validation:XValidation:rule="!has(self.secret) || !has(self.configMap)".
const transport = (kind: string, tls: string, rootCAs: string) => `apiVersion: traefik.io/v1alpha1
kind: ${kind}
metadata: { name: backend, namespace: apps }
spec:
${tls}
${rootCAs}`;

describe('RootCA: not both secret and configMap', () => {
  it.each([
    ['ServersTransport', '', '  rootCAs:'],
    ['ServersTransportTCP', '  tls:', '    rootCAs:'],
  ])('%s', (kind, tls, key) => {
    const pad = key.startsWith('    ') ? '      ' : '    ';
    const both = transport(kind, tls, `${key}\n${pad}- secret: ca\n${pad}  configMap: ca-bundle\n${pad}- configMap: other\n`);
    expect(brief(both)).toEqual([{ code: 'SCHEMA_EXCLUSIVE', at: 'configMap' }]);
    expect(check(both)[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('RootCA cannot have both Secret and ConfigMap defined.') });
    expect(brief(transport(kind, tls, `${key}\n${pad}- secret: ca\n${pad}- configMap: ca-bundle\n`))).toEqual([]);
  });
});
