// JSON responses and the one error shape of the API: {"error": "<clear message>"}, never a stack.

import type http from 'node:http';

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * On every answer (docs/contract.md, "HTTP"; issue 8): the router sets them before anything is
 * written, and the senders here spread them too. Answers that are not the app get a policy that
 * allows nothing, so a JSON error or an uploaded-looking file opened as a page cannot run or load
 * anything; the app's HTML gets appContentSecurityPolicy instead.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  // Board links carry their token in the query string; never hand it to another site.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Features the app never uses; only names every browser knows (an unknown one is a console error).
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/** Only behind https: browsers then refuse plain http for the host for a year. */
export const HSTS_HEADER = 'max-age=31536000';

/** The ws(s) origin of the base URL the server hands out (http → ws, https → wss); null when it does not parse. */
function syncOriginOf(publicUrl: string): string | null {
  try {
    const url = new URL(publicUrl);
    return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  } catch {
    return null;
  }
}

/**
 * The app's policy (index.html): scripts from this origin only (the build has no inline script),
 * styles from this origin and the `<style>` elements react-aria adds with the answer's `nonce`
 * (staticFiles.ts), no plugins, no framing, no `<base>`; style attributes are allowed (React and
 * react-aria position popovers, the grid and the wall through them; they cannot run code).
 * `connect-src` names the socket's origin too, because browsers before CSP 3 do not count ws: to
 * the same host as 'self'.
 */
export function appContentSecurityPolicy(publicUrl: string, styleNonce: string): string {
  const sync = syncOriginOf(publicUrl);
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${sync ? ' ' + sync : ''}`,
    "worker-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Set the headers every answer carries (before any writeHead, which adds to them). */
export function setSecurityHeaders(res: http.ServerResponse, publicUrl: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  if (publicUrl.startsWith('https:')) res.setHeader('Strict-Transport-Security', HSTS_HEADER);
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

export function sendError(res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status, { error: message }, headers);
}

export function methodNotAllowed(allowed: string[]): HttpError {
  return new HttpError(405, `Method not allowed; use ${allowed.join(' or ')}`, { Allow: allowed.join(', ') });
}
