// The built SPA from dist/client: files by path, index.html for client routes (/b/:id), long
// caching for content-hashed /assets/*, and no way out of the directory. The HTML carries the
// app's Content-Security-Policy with a fresh nonce per answer; source maps are served only when
// asked for (SERVE_SOURCE_MAPS).

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type http from 'node:http';
import { appContentSecurityPolicy, HttpError, methodNotAllowed, SECURITY_HEADERS } from './responses';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest']);
/** Files up to this size are kept in memory (and gzipped once); bigger ones are streamed. */
const MAX_CACHED_BYTES = 2 * 1024 * 1024;

interface CachedFile {
  mtimeMs: number;
  size: number;
  body: Buffer;
  gzip: Buffer | null;
}

export interface StaticFilesOptions {
  /** Base of the links the server hands out (its socket origin goes into the CSP). */
  publicUrl: () => string;
  /**
   * Serve the build's `*.map` files (SERVE_SOURCE_MAPS=1). Off by default: they hand out the
   * whole client source, comments included, to anyone; a developer turns them on when debugging.
   */
  serveSourceMaps?: boolean;
}

export function createStaticFiles(root: string, { publicUrl, serveSourceMaps = false }: StaticFilesOptions) {
  const base = path.resolve(root);
  const cache = new Map<string, CachedFile>();

  function statFile(file: string): fs.Stats | null {
    try {
      const stat = fs.statSync(file);
      return stat.isFile() ? stat : null;
    } catch {
      return null;
    }
  }

  function cached(file: string, stat: fs.Stats, ext: string): CachedFile {
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit;
    const body = fs.readFileSync(file);
    const gzip = COMPRESSIBLE.has(ext) && body.byteLength > 1024 ? zlib.gzipSync(body, { level: 9 }) : null;
    const entry = { mtimeMs: stat.mtimeMs, size: stat.size, body, gzip };
    cache.set(file, entry);
    return entry;
  }

  const acceptsGzip = (req: http.IncomingMessage) => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

  /**
   * The app's HTML, never the same twice: react-aria adds two small <style> elements at run time
   * and takes their nonce from `<meta property="csp-nonce">`, so each answer gets a fresh nonce in
   * that tag and in its policy. Hence no ETag (a 304 would pair the cached page's nonce with a new
   * policy); the page is well under a kilobyte.
   */
  function sendApp(req: http.IncomingMessage, res: http.ServerResponse, file: string, stat: fs.Stats): void {
    const nonce = crypto.randomBytes(16).toString('base64');
    const meta = `<meta property="csp-nonce" content="${nonce}" />`;
    const source = cached(file, stat, '.html').body.toString('utf8');
    const head = /<head\b[^>]*>/i.exec(source);
    const html = head ? source.slice(0, head.index + head[0].length) + meta + source.slice(head.index + head[0].length) : meta + source;
    const raw = Buffer.from(html, 'utf8');
    const body = raw.byteLength > 1024 && acceptsGzip(req) ? zlib.gzipSync(raw) : raw;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': appContentSecurityPolicy(publicUrl(), nonce),
      'Content-Type': CONTENT_TYPES['.html']!,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
      'Content-Length': body.byteLength,
      ...(body !== raw && { 'Content-Encoding': 'gzip' }),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function send(req: http.IncomingMessage, res: http.ServerResponse, file: string, stat: fs.Stats, cacheControl: string): void {
    const ext = path.extname(file).toLowerCase();
    if (ext === '.html' && stat.size <= MAX_CACHED_BYTES) return sendApp(req, res, file, stat);
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers: Record<string, string | number> = {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': cacheControl,
      ETag: etag,
      'Last-Modified': stat.mtime.toUTCString(),
      Vary: 'Accept-Encoding',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const head = req.method === 'HEAD';
    if (stat.size > MAX_CACHED_BYTES) {
      res.writeHead(200, { ...headers, 'Content-Length': stat.size });
      if (head) res.end();
      else fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
      return;
    }
    const entry = cached(file, stat, ext);
    const gzip = entry.gzip && acceptsGzip(req) ? entry.gzip : null;
    const body = gzip ?? entry.body;
    res.writeHead(200, { ...headers, 'Content-Length': body.byteLength, ...(gzip && { 'Content-Encoding': 'gzip' }) });
    res.end(head ? undefined : body);
  }

  return function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET', 'HEAD']);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw new HttpError(400, 'Malformed path');
    }
    if (decoded.includes('\0') || decoded.includes('\\')) throw new HttpError(400, 'Malformed path');
    const file = path.resolve(base, '.' + path.posix.normalize(decoded));
    if (file !== base && !file.startsWith(base + path.sep)) throw new HttpError(404, 'Not found');
    if (!serveSourceMaps && path.extname(file).toLowerCase() === '.map') throw new HttpError(404, 'Not found');

    const stat = file === base ? null : statFile(file);
    if (stat) {
      const immutable = decoded.startsWith('/assets/');
      send(req, res, file, stat, immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      return;
    }
    // A missing file with an extension, or anything under /assets/, is a real 404; any other
    // path is a client route and gets the app.
    if (decoded.startsWith('/assets/') || path.posix.extname(decoded) !== '') throw new HttpError(404, 'Not found');
    const index = path.join(base, 'index.html');
    const indexStat = statFile(index);
    if (!indexStat) throw new HttpError(404, 'The web client is not built yet; run `npm run build` (npm start does it for you)');
    send(req, res, index, indexStat, 'no-cache');
  };
}
