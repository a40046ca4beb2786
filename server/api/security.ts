// What the server refuses and what every answer carries, so that it is safe
// on a network: requests naming a Host it does not serve (DNS rebinding),
// writes from another site's pages (cross-site request forgery), and, on every
// response, the browser security headers and the caching each kind of answer allows.
// Access control (who may read or write a draft) is not this module's.
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { ErrorBody } from './contract.js';

/**
 * The configured public origins ("https://precedent.example.org"), normalised;
 * throws naming the entry that is not an http(s) origin, so a typo stops the start.
 */
export function publicOrigins(list: readonly string[]): string[] {
  return list.map((entry) => {
    let url: URL | null = null;
    try {
      url = new URL(entry);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username) {
      throw new Error(`PRECEDENT_ORIGINS: "${entry}" is not an origin such as https://precedent.example.org (scheme, host and optional port, nothing after)`);
    }
    return url.origin;
  });
}

/** The authority the request names (its Host header; app.request in the tests has only the URL). */
function requestHost(c: Context): string {
  return (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
}

/** "[::1]:8787" → "[::1]", "localhost:5173" → "localhost". */
function hostnameOf(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Hosts this server answers to. DNS rebinding points a hostname the attacker
 * owns at this server, so the browser sends that hostname as Host: every name
 * but localhost and the configured origins' is refused. An address (127.0.0.1,
 * [::1], a LAN address) cannot be rebound, so any is accepted, with any port.
 */
function hostAllowed(host: string, originHosts: ReadonlySet<string>): boolean {
  const name = hostnameOf(host);
  if (name === 'localhost' || IPV4.test(name) || /^\[[0-9a-f:.]+\]$/.test(name)) return true;
  return originHosts.has(host) || originHosts.has(host.replace(/:(80|443)$/, ''));
}

function refuse(c: Context, status: 403 | 421, error: string) {
  return c.json({ error } satisfies ErrorBody, status);
}

function hostGuard(originHosts: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const host = requestHost(c);
    if (!hostAllowed(host, originHosts)) {
      return refuse(c, 421, `Host "${host}" is not one this server answers to: open it at localhost or an address, or add the public origin to PRECEDENT_ORIGINS`);
    }
    await next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes only from the app's own pages. A browser names the page's origin in
 * Origin, and in Sec-Fetch-Site whether it is this site: either one saying
 * another site refuses the write, whatever its content type (a form or a
 * multipart upload needs no preflight). A request with neither header is not
 * a browser's (curl, another server, the tests) and no page can forge one.
 * Hono's csrf middleware refuses those too, and answers in plain text: hence this one.
 */
function crossSiteWriteGuard(origins: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    // A WebSocket opening (live editing) is a GET that writes: a page of another site may not open one with the user's cookie.
    const socket = c.req.header('upgrade')?.toLowerCase() === 'websocket';
    if (SAFE_METHODS.has(c.req.method) && !socket) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const ownOrigin = (o: string) => {
      if (origins.has(o)) return true;
      try {
        return new URL(o).host === requestHost(c);
      } catch {
        return false; // "null" (a sandboxed or opaque page) is nobody's own
      }
    };
    const from = origin ?? `a ${site} page`;
    if (site === 'cross-site' || site === 'same-site' || (origin !== undefined && !ownOrigin(origin))) {
      return refuse(c, 403, `Cross-site request refused: ${socket ? 'live editing socket' : c.req.method} ${c.req.path} from ${from}; changes are accepted only from Precedent's own pages`);
    }
    await next();
  };
}

/** ws: and wss: to this host, for live editing; 'self' covers them only in newer browsers. */
function sameOriginSockets(c: Context): string {
  const host = requestHost(c);
  return /^[a-z0-9.:[\]-]+$/.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * Content-Security-Policy: scripts, styles, fonts and requests only from this
 * origin, no inline script, no plugins, never inside a frame. The built app
 * needs no inline style (React sets style props through the DOM, which CSP
 * allows); images may be data: (the favicon) or blob: URLs.
 */
const headers = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'", sameOriginSockets],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'same-origin',
  // HTTPS, and so HSTS, is the business of the proxy in front when there is one.
  strictTransportSecurity: false,
});

const YEAR = 365 * 24 * 3600;

/**
 * Vite names each file under /assets/ by its content's hash: a changed file
 * has a new name, so it can be kept a year. The page naming them (index.html,
 * and every client-side route) is revalidated; API answers (drafts) are never stored.
 */
const caching: MiddlewareHandler = async (c, next) => {
  await next();
  const path = c.req.path;
  const policy = path.startsWith('/api/') || path === '/api' ? 'no-store' : path.startsWith('/assets/') && c.res.status === 200 ? `public, max-age=${YEAR}, immutable` : 'no-cache';
  c.res.headers.set('Cache-Control', policy);
};

/**
 * Every guard and header above, in the order they apply, for `app.use(...)`
 * before any route: the headers first, so refusals carry them too.
 */
export function networkSafety(options: { origins: readonly string[] }): MiddlewareHandler[] {
  const origins = new Set(publicOrigins(options.origins));
  const originHosts = new Set([...origins].map((o) => new URL(o).host));
  return [headers, caching, hostGuard(originHosts), crossSiteWriteGuard(origins)];
}
