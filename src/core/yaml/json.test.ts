import { describe, expect, it } from 'vitest';
import { parseFile, nodeAtPath, pathAtOffset, decodedToSourceOffset } from './index.ts';
import type { YScalar } from '../types.ts';

// What `kubectl get ingressroutes -o json` prints (4-space indent, `&` escaped as \u0026).
const KUBECTL_JSON = `{
    "apiVersion": "v1",
    "items": [
        {
            "apiVersion": "traefik.io/v1alpha1",
            "kind": "IngressRoute",
            "metadata": {
                "name": "web",
                "namespace": "apps"
            },
            "spec": {
                "entryPoints": ["websecure"],
                "routes": [
                    {
                        "kind": "Rule",
                        "match": "Host(\`a.example.com\`) \\u0026\\u0026 PathPrefix(\`/api\`)",
                        "priority": 10,
                        "services": [{"name": "api", "port": 8080}]
                    }
                ]
            }
        }
    ],
    "kind": "List",
    "metadata": {
        "resourceVersion": ""
    }
}
`;

describe('JSON input (kubectl -o json) is YAML flow syntax', () => {
  const parsed = parseFile('list.json', KUBECTL_JSON);
  const doc = parsed.documents[0]!;

  it('parses to the same value as JSON.parse, without diagnostics', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(doc.value).toEqual(JSON.parse(KUBECTL_JSON));
  });

  it('gives exact ranges for keys, strings, numbers and collections', () => {
    const text = KUBECTL_JSON;
    const name = nodeAtPath(doc.root, ['items', 0, 'metadata', 'name']) as YScalar;
    expect(text.slice(name.range.start, name.range.end)).toBe('"web"');
    expect(text.slice(name.valueRange.start, name.valueRange.end)).toBe('web');
    const priority = nodeAtPath(doc.root, ['items', 0, 'spec', 'routes', 0, 'priority'])!;
    expect(text.slice(priority.range.start, priority.range.end)).toBe('10');
    const eps = nodeAtPath(doc.root, ['items', 0, 'spec', 'entryPoints'])!;
    expect(text.slice(eps.range.start, eps.range.end)).toBe('["websecure"]');
    const meta = nodeAtPath(doc.root, ['items', 0, 'metadata'])!;
    expect(text.slice(meta.range.start, meta.range.end)).toBe('{\n                "name": "web",\n                "namespace": "apps"\n            }');
    expect(doc.root!.range).toEqual({ start: 0, end: text.lastIndexOf('}') + 1 });
    const empty = nodeAtPath(doc.root, ['metadata', 'resourceVersion']) as YScalar;
    expect(empty.value).toBe('');
    expect(text.slice(empty.range.start, empty.range.end)).toBe('""');
  });

  it('maps offsets inside escaped strings back to the source', () => {
    const text = KUBECTL_JSON;
    const match = nodeAtPath(doc.root, ['items', 0, 'spec', 'routes', 0, 'match']) as YScalar;
    expect(match.value).toBe('Host(`a.example.com`) && PathPrefix(`/api`)');
    const amp = match.text.indexOf('&&');
    expect(text.slice(decodedToSourceOffset(match, text, amp), decodedToSourceOffset(match, text, amp + 2))).toBe('\\u0026\\u0026');
    const p = match.text.indexOf('PathPrefix');
    const at = decodedToSourceOffset(match, text, p);
    expect(text.slice(at, at + 10)).toBe('PathPrefix');
    expect(decodedToSourceOffset(match, text, match.text.length)).toBe(match.valueRange.end);
  });

  it('pathAtOffset finds JSON paths', () => {
    expect(pathAtOffset(doc, KUBECTL_JSON.indexOf('"apps"') + 2)).toEqual(['items', 0, 'metadata', 'namespace']);
    expect(pathAtOffset(doc, KUBECTL_JSON.indexOf('"namespace"') + 2)).toEqual(['items', 0, 'metadata', 'namespace']);
    expect(pathAtOffset(doc, KUBECTL_JSON.indexOf('8080'))).toEqual(['items', 0, 'spec', 'routes', 0, 'services', 0, 'port']);
  });

  it('compact one-line JSON and CRLF JSON parse too', () => {
    const compact = JSON.stringify(JSON.parse(KUBECTL_JSON));
    expect(parseFile('c.json', compact).documents[0]!.value).toEqual(JSON.parse(KUBECTL_JSON));
    const crlf = KUBECTL_JSON.replace(/\n/g, '\r\n');
    const p = parseFile('crlf.json', crlf);
    expect(p.diagnostics).toEqual([]);
    const name = nodeAtPath(p.documents[0]!.root, ['items', 0, 'metadata', 'name'])!;
    expect(crlf.slice(name.range.start, name.range.end)).toBe('"web"');
  });

  it('tab-indented JSON parses (tabs are separation, not indentation, in flow context)', () => {
    const tabbed = JSON.stringify({ a: { b: [1, 'x'] } }, null, '\t');
    const p = parseFile('t.json', tabbed);
    expect(p.diagnostics).toEqual([]);
    expect(p.documents[0]!.value).toEqual({ a: { b: [1, 'x'] } });
  });
});
