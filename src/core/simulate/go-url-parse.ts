// Mirrors Go's net/url url.Parse (the checks that make it fail) and URL.String() (the re-escaped path) for
// the URLs Traefik's redirect middlewares build before answering with a Location.
import { escapedPath, withEscapedPath } from './go-url.ts';

/** A `%` not followed by two hex digits (Go `unescape`: EscapeError). */
function badEscape(s: string): boolean {
  return /%(?![0-9a-fA-F]{2})/.test(s);
}

/** Go `unescape(host, encodeHost)`: allowed bytes below 0x80, and a %XX there only for non-ASCII bytes or %25. */
function badHost(host: string): boolean {
  if (!/^[A-Za-z0-9\-_.~!$&'()*+,;=:[\]<>"%\u0080-\uffff]*$/.test(host) || badEscape(host)) return true;
  return /%(?!25)[0-7][0-9a-fA-F]/.test(host);
}

/** Go `validOptionalPort` after the host (`""` or `:` followed by digits). */
function badPort(host: string): boolean {
  const bracket = host.startsWith('[') ? host.lastIndexOf(']') : -1;
  if (host.startsWith('[') && bracket < 0) return true;
  const colonPort = bracket >= 0 ? host.slice(bracket + 1) : host.lastIndexOf(':') >= 0 ? host.slice(host.lastIndexOf(':')) : '';
  return !/^(:\d*)?$/.test(colonPort);
}

/**
 * Go `url.Parse(s)` then `URL.String()`: the URL as a redirect's Location carries it (the path re-escaped,
 * e.g. a space becomes %20), or undefined when url.Parse fails (control character, malformed escape outside
 * the query, invalid host or port, a colon in the first segment of a relative path).
 *
 * @example
 * parseAndFormatURL('https://a.com/x y?q') // 'https://a.com/x%20y?q'
 * parseAndFormatURL('http://192.168.0.%31/') // undefined
 */
export function parseAndFormatURL(s: string): string | undefined {
  if ([...s].some((c) => c < ' ' || c === '\u007f')) return undefined;
  const hash = s.indexOf('#');
  const fragment = hash < 0 ? '' : s.slice(hash);
  if (badEscape(fragment)) return undefined;
  const beforeHash = hash < 0 ? s : s.slice(0, hash);
  const q = beforeHash.indexOf('?');
  const query = q < 0 ? '' : beforeHash.slice(q);
  let rest = q < 0 ? beforeHash : beforeHash.slice(0, q);
  let head = '';
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.exec(rest);
  if (scheme) {
    head = scheme[0];
    rest = rest.slice(head.length);
  } else if ((rest.split('/') as [string, ...string[]])[0].includes(':')) {
    return undefined;
  }
  const authority = /^\/\/([^/]*)(.*)$/s.exec(rest);
  if (authority) {
    const host = authority[1]!.slice(authority[1]!.lastIndexOf('@') + 1);
    if (badHost(host) || badPort(host)) return undefined;
    head += `//${authority[1]}`;
    rest = authority[2]!;
  }
  const path = withEscapedPath(rest);
  if (!path) return undefined;
  return head + escapedPath(path) + query + fragment;
}
