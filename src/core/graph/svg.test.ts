import { describe, expect, it } from 'vitest';
import { buildGraph, escapeXml, generateGraph, graphToSvg, layoutGraph } from './index.ts';
import { config, ingressRoute, lb, mw, router } from './fixtures.ts';

const K = '@kubernetescrd';

describe('escapeXml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`a & "b" 'c'`, 'a &amp; &quot;b&quot; &apos;c&apos;'],
    ['bell\u0007 and nul\u0000', 'bell and nul'],
    ['lone \uD800 surrogate, pair 😀', 'lone  surrogate, pair 😀'],
  ])('%s', (input, expected) => expect(escapeXml(input)).toBe(expected));
});

describe('graphToSvg', () => {
  // Hostile names, as an untrusted configuration could carry them (the provider keeps rules verbatim).
  const evil = '"><script>alert(1)</script><x a="';
  const r = router('shop', 'web', 0, `Host(\`${evil}\`) && PathPrefix(\`/a&b\`)`, { middlewares: [`shop-m${K}`, `x</text><foreignObject>@file`], service: `shop-s${K}` });
  const g = buildGraph(config({ routers: [r], services: [lb(`shop-s${K}`, 80, [`http://10.0.0.1/<img src=x onerror=alert(1)>`])], middlewares: [mw(`shop-m${K}`, 'headers', { [evil]: 1 })] }), [ingressRoute('shop', 'web')], []);
  g.nodes[0]!.label = '<b onmouseover="alert(1)">web</b>';
  const svg = graphToSvg(g, layoutGraph(g));

  it('contains every node label, escaped', () => {
    for (const n of g.nodes) expect(svg).toContain(escapeXml(n.label));
    expect(svg).toContain('&lt;b onmouseover=&quot;alert(1)&quot;&gt;web&lt;/b&gt;');
  });

  it('never lets a label open an element or an attribute', () => {
    expect(svg).not.toMatch(/<script|<foreignObject|<img|<b[ >]|onmouseover="/i);
    // Every '<' opens a tag we wrote, and every attribute is one of ours with a quoted value.
    const tag = /<\/([a-z]+)>|<([a-z]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*\/?>/gi;
    const tags = [...svg.matchAll(tag)];
    expect(tags).toHaveLength(svg.split('<').length - 1);
    expect([...new Set(tags.map((m) => m[1] ?? m[2]))].sort()).toEqual(['defs', 'g', 'marker', 'path', 'rect', 'svg', 'text', 'title']);
    const attributes = new Set(tags.flatMap((m) => [...(m[3] ?? '').matchAll(/([a-z-]+)="/gi)].map((a) => a[1])));
    expect([...attributes].filter((a) => /^on/i.test(a!) || a === 'href' || a === 'style')).toEqual([]);
  });

  it('draws the whole graph: a node group per node, a path per edge, a frame per IngressRoute', () => {
    const big = generateGraph(400, 7);
    const layout = layoutGraph(big);
    const out = graphToSvg(big, layout);
    expect(out.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(out.match(/<g>/g)).toHaveLength(big.nodes.length);
    expect(out.match(/<path d="M[-\d.]+,[-\d.]+ C/g)).toHaveLength(big.edges.length);
    expect(out).toContain(`width="${Math.ceil(layout.width + 48)}"`);
    for (const n of big.nodes) expect(out).toContain(`<title>${escapeXml(n.label)}\n`);
  });
});
