import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config';

describe('configuration from the environment', () => {
  test('defaults follow design.md', () => {
    expect(loadConfig({}, '/srv/app')).toEqual({ port: 8080, host: '127.0.0.1', dataDir: '/srv/app/data', adminToken: undefined, metricsToken: undefined, publicUrl: undefined, logLevel: 'info', serveSourceMaps: false, allowedOrigins: [], trustedProxies: [], socketCaps: {} });
  });

  test('MAX_SOCKETS_PER_ADDRESS and MAX_SOCKETS_PER_BOARD set the socket caps (issue 8.6)', () => {
    expect(loadConfig({ MAX_SOCKETS_PER_ADDRESS: '50', MAX_SOCKETS_PER_BOARD: '1000' }, '/srv').socketCaps).toEqual({ perAddress: 50, perBoard: 1000 });
    expect(loadConfig({ MAX_SOCKETS_PER_BOARD: '20' }, '/srv').socketCaps).toEqual({ perBoard: 20 });
  });

  test('TRUSTED_PROXIES lists addresses, IPv4-mapped read as IPv4 (issue 8)', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '127.0.0.1, ::1 ::ffff:10.0.0.2' }).trustedProxies).toEqual(['127.0.0.1', '::1', '10.0.0.2']);
  });

  test('METRICS_TOKEN turns /metrics on (issue 8)', () => {
    expect(loadConfig({ METRICS_TOKEN: '0123456789abcdef0123' }).metricsToken).toBe('0123456789abcdef0123');
  });

  test('SERVE_SOURCE_MAPS turns the source maps on (issue 8)', () => {
    for (const on of ['1', 'true', 'YES', 'on']) expect(loadConfig({ SERVE_SOURCE_MAPS: on }).serveSourceMaps).toBe(true);
    for (const off of ['', '0', 'false', 'no', 'off']) expect(loadConfig({ SERVE_SOURCE_MAPS: off }).serveSourceMaps).toBe(false);
  });

  test('values are taken and PUBLIC_URL loses its trailing slash', () => {
    const config = loadConfig({ PORT: '0', HOST: '0.0.0.0', DATA_DIR: '/var/lib/tavle', ADMIN_TOKEN: 'abc', PUBLIC_URL: 'https://tavle.kommune.dk/' }, '/');
    expect(config).toMatchObject({ port: 0, host: '0.0.0.0', dataDir: '/var/lib/tavle', adminToken: 'abc', publicUrl: 'https://tavle.kommune.dk' });
  });

  test.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PUBLIC_URL: 'tavle.dk' }, /PUBLIC_URL/],
    [{ PUBLIC_URL: 'ftp://tavle.dk' }, /PUBLIC_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ SERVE_SOURCE_MAPS: 'maybe' }, /SERVE_SOURCE_MAPS/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be at least 16/],
    [{ TRUSTED_PROXIES: '127.0.0.1, nginx.local' }, /TRUSTED_PROXIES must list IP addresses.*"nginx.local"/],
    [{ METRICS_TOKEN: 'a long token with spaces' }, /METRICS_TOKEN/],
    [{ MAX_SOCKETS_PER_ADDRESS: '0' }, /MAX_SOCKETS_PER_ADDRESS/],
    [{ MAX_SOCKETS_PER_BOARD: 'many' }, /MAX_SOCKETS_PER_BOARD/],
    [{ DATABASE_URL: 'postgres://x' }, /not supported yet/],
    [{ REDIS_URL: 'redis://x' }, /not supported yet/],
  ])('%o is refused with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
