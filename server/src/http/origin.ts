// Which pages may open the sync WebSocket (docs/contract.md, "Origin"). A browser always sends
// `Origin` on a WebSocket upgrade; a page on another site that learned a link must not be able to
// use it from there. Allowed: the origin of PUBLIC_URL and those listed in ALLOWED_ORIGINS. Without
// PUBLIC_URL (a local or development run) also every loopback origin, so `npm run dev:client`
// (Vite on its own port) keeps working. An upgrade without `Origin` is not from a browser page
// (a script, a load test, y-websocket in Node) and is let through: tokens still guard it.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface OriginPolicy {
  /** PUBLIC_URL, or '' while the server runs without one. */
  publicUrl: () => string;
  /** Whether PUBLIC_URL was configured (not just the listening address). */
  configured: boolean;
  /** ALLOWED_ORIGINS, normalised (`https://intra.kommune.dk`). */
  allowedOrigins: readonly string[];
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** Whether an upgrade with this `Origin` header may proceed. */
export function originAllowed(origin: string | undefined, policy: OriginPolicy): boolean {
  if (origin === undefined) return true;
  const normal = originOf(origin);
  if (normal === null) return false;
  if (policy.allowedOrigins.includes(normal)) return true;
  const own = policy.publicUrl() ? originOf(policy.publicUrl()) : null;
  if (own === normal) return true;
  return !policy.configured && LOOPBACK.has(new URL(normal).hostname);
}

/** ALLOWED_ORIGINS: origins separated by commas or spaces; each must be an http(s) origin alone. */
export function parseAllowedOrigins(value: string | undefined): { origins: string[]; invalid: string | null } {
  const origins: string[] = [];
  for (const entry of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const normal = originOf(entry);
    if (normal === null || normal !== entry.replace(/\/$/, '')) return { origins, invalid: entry };
    origins.push(normal);
  }
  return { origins, invalid: null };
}
