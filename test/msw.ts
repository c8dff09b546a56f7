import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';

/** The committed snapshot, served as the built app serves it. */
export const snapshotJson: JsonBodyType = JSON.parse(readFileSync(resolve(import.meta.dirname, '../public/data/snapshot.json'), 'utf8'));

/** Recorded-shape fixtures (trimmed real responses). */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures', name), 'utf8'));
}

export const snapshotHandler = http.get('*/data/snapshot.json', () => HttpResponse.json(snapshotJson));

/** The committed market-cap history (History captures), served as the built app serves it. */
export const historyJson: JsonBodyType = JSON.parse(readFileSync(resolve(import.meta.dirname, '../public/data/history.json'), 'utf8'));
export const historyHandler = http.get('*/data/history.json', () => HttpResponse.json(historyJson));

/** One server for every jsdom test: unhandled requests fail the test (no real network, ever). */
export const server = setupServer(snapshotHandler);
