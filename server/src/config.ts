// The server's settings from the environment (docs/contract.md, "Configuration"), checked once at
// start so a typo fails loudly instead of running with a surprising default.

import path from 'node:path';
import { isLogLevel, type LogLevel } from './log';
import { parseAllowedOrigins } from './http/origin';
import { parseTrustedProxies } from './http/clientAddress';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ServerConfig {
  port: number;
  host: string;
  /** Absolute path; created on start if missing. */
  dataDir: string;
  /** From ADMIN_TOKEN; when undefined the server reads or generates DATA_DIR/admin-token. */
  adminToken?: string;
  /** Base of share links without a trailing slash; undefined means http://HOST:PORT (actual port). */
  publicUrl?: string;
  logLevel: LogLevel;
  /** SERVE_SOURCE_MAPS: serve the client's `*.map` files (off: 404). */
  serveSourceMaps: boolean;
  /** TRUSTED_PROXIES: reverse proxies whose X-Forwarded-For names the client. */
  trustedProxies: string[];
  /** ALLOWED_ORIGINS: pages on these origins may open the sync socket, besides PUBLIC_URL's. */
  allowedOrigins: string[];
  /** METRICS_TOKEN: bearer token for GET /metrics; undefined: metrics are off. */
  metricsToken?: string;
  /** MAX_SOCKETS_PER_ADDRESS / MAX_SOCKETS_PER_BOARD, when set (else the server's defaults). */
  socketCaps: { perAddress?: number; perBoard?: number };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${value}"`);
  return port;
}

function parsePublicUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`PUBLIC_URL must start with http:// or https://, not "${value}"`);
  if (url.search || url.hash) throw new ConfigError('PUBLIC_URL must not have a query string or fragment');
  return url.href.replace(/\/+$/, '');
}

function parseFlag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '') return false;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be 1 or 0 (or true/false, yes/no), not "${value}"`);
}

/**
 * PostgreSQL (DATABASE_URL) and Redis fan-out (REDIS_URL) are in the design but not built yet.
 * Refusing to start is deliberate: silently ignoring them would let an operator believe boards
 * are in Postgres, or that two instances share updates, while they are not.
 */
function refuseUnsupported(env: NodeJS.ProcessEnv): void {
  if (env.DATABASE_URL) {
    throw new ConfigError('DATABASE_URL is set, but PostgreSQL storage is not supported yet. Unset it to use the embedded SQLite store in DATA_DIR.');
  }
  if (env.REDIS_URL) {
    throw new ConfigError('REDIS_URL is set, but fan-out between server instances is not supported yet. Unset it and run a single instance.');
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  refuseUnsupported(env);
  const host = env.HOST || '127.0.0.1';
  const logLevel = env.LOG_LEVEL || 'info';
  if (!isLogLevel(logLevel)) throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error, not "${logLevel}"`);
  const adminToken = env.ADMIN_TOKEN || undefined;
  if (adminToken !== undefined && /\s/.test(adminToken)) throw new ConfigError('ADMIN_TOKEN must not contain white space');
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && (/\s/.test(metricsToken) || metricsToken.length < 16)) {
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters without white space (e.g. openssl rand -hex 20)');
  }
  return {
    port: parsePort(env.PORT),
    host,
    dataDir: path.resolve(cwd, env.DATA_DIR || './data'),
    adminToken,
    metricsToken,
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    logLevel,
    serveSourceMaps: parseFlag('SERVE_SOURCE_MAPS', env.SERVE_SOURCE_MAPS),
    allowedOrigins: allowedOriginsFrom(env.ALLOWED_ORIGINS),
    trustedProxies: trustedProxiesFrom(env.TRUSTED_PROXIES),
    socketCaps: {
      ...optionalCount('MAX_SOCKETS_PER_ADDRESS', env.MAX_SOCKETS_PER_ADDRESS, 'perAddress'),
      ...optionalCount('MAX_SOCKETS_PER_BOARD', env.MAX_SOCKETS_PER_BOARD, 'perBoard'),
    },
  };
}

/** A whole number ≥ 1 under `key`, or nothing when unset. */
function optionalCount<K extends string>(name: string, value: string | undefined, key: K): Partial<Record<K, number>> {
  if (value === undefined || value === '') return {};
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new ConfigError(`${name} must be a whole number of 1 or more, not "${value}"`);
  return { [key]: Number(value) } as Partial<Record<K, number>>;
}

function trustedProxiesFrom(value: string | undefined): string[] {
  const { proxies, invalid } = parseTrustedProxies(value);
  if (invalid !== null) throw new ConfigError(`TRUSTED_PROXIES must list IP addresses such as 127.0.0.1, separated by commas; "${invalid}" is not one`);
  return proxies;
}

function allowedOriginsFrom(value: string | undefined): string[] {
  const { origins, invalid } = parseAllowedOrigins(value);
  if (invalid !== null) throw new ConfigError(`ALLOWED_ORIGINS must list origins such as https://intra.kommune.dk (no path), separated by commas; "${invalid}" is not one`);
  return origins;
}
