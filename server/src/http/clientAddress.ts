// Who the client is, for the admin-token throttle and the socket caps per address (issue 8).
// Normally the peer address of the connection. Behind a reverse proxy every client shares the
// proxy's address, so one person's wrong tokens would lock the admin out for everyone: with
// TRUSTED_PROXIES set, a request whose peer is one of those addresses is taken to come from the
// address the proxy wrote into X-Forwarded-For (the right-most entry that is not itself a
// trusted proxy). X-Forwarded-For from anyone else is ignored: any client can write it.
//
// The server resolves this once per request and upgrade (server.ts) and everything else asks
// `clientAddress(req)`.

import type http from 'node:http';
import { isIP } from 'node:net';

const resolved = new WeakMap<http.IncomingMessage, string>();

/** An address as we compare it: IPv4-mapped IPv6 as IPv4, no zone, lower case. */
export function normalizeAddress(address: string): string {
  const raw = address.trim().replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(raw);
  return mapped ? mapped[1]! : raw;
}

/** The first four groups of an IPv6 address: one household or host gets a whole /64. */
function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return (
    groups
      .slice(0, 4)
      .map((group) => (parseInt(group, 16) || 0).toString(16))
      .join(':') + '::/64'
  );
}

/** The key clients are counted by: IPv4 as is, IPv6 as its /64, loopback as itself. */
function countingKey(address: string): string {
  if (address === '::1' || !address.includes(':')) return address;
  return ipv6Prefix64(address);
}

/** Work out the request's client once (call before any handler asks). */
export function resolveClientAddress(req: http.IncomingMessage, trustedProxies: ReadonlySet<string>): string {
  let address = normalizeAddress(req.socket.remoteAddress ?? 'unknown');
  const forwarded = req.headers['x-forwarded-for'];
  if (trustedProxies.has(address) && typeof forwarded === 'string') {
    const hops = forwarded.split(',').map(normalizeAddress).filter(Boolean);
    // From the right: the hop our proxy saw; past further trusted proxies if there is a chain.
    while (hops.length > 0) {
      const hop = hops.pop()!;
      address = hop;
      if (!trustedProxies.has(hop)) break;
    }
  }
  const key = countingKey(address);
  resolved.set(req, key);
  return key;
}

/**
 * Who is asking: the address resolved for this request (IPv4, an IPv6 /64, or ::1), else the
 * connection's peer address.
 */
export function clientAddress(req: http.IncomingMessage): string {
  return resolved.get(req) ?? countingKey(normalizeAddress(req.socket.remoteAddress ?? 'unknown'));
}

/** Whether the request came straight from this machine (not through a trusted proxy). */
export function isLoopback(address: string): boolean {
  return /^127\./.test(address) || address === '::1';
}

/** TRUSTED_PROXIES: addresses separated by commas or spaces; null names the first bad one. */
export function parseTrustedProxies(value: string | undefined): { proxies: string[]; invalid: string | null } {
  const proxies: string[] = [];
  for (const part of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const address = normalizeAddress(part);
    if (isIP(address) === 0) return { proxies, invalid: part };
    proxies.push(address);
  }
  return { proxies, invalid: null };
}
