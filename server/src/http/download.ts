// Sending an export (CSV or XLSX) as a file download: content type, a file name that survives
// every browser, and no caching (the numbers change, and the URL may carry a token).

import type http from 'node:http';
import { readableFileName, safeFileStem } from '../../../shared/domain/fileNames';
import { SECURITY_HEADERS } from './responses';

export type DownloadFormat = 'csv' | 'xlsx';

const CONTENT_TYPE: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `attachment; filename="x.csv"; filename*=UTF-8''…`: the ASCII name for old clients, the real one for the rest. */
export function contentDisposition(name: string, day: string, extension: DownloadFormat | 'json'): string {
  const ascii = `${safeFileStem(name)}-${day}.${extension}`;
  const utf8 = encodeURIComponent(readableFileName(name, day, extension)).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

export function sendDownload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  file: { format: DownloadFormat; body: Buffer; name: string; day: string },
): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPE[file.format],
    'Content-Length': file.body.byteLength,
    'Content-Disposition': contentDisposition(file.name, file.day, file.format),
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}
