/**
 * A stand-in for both providers on 127.0.0.1: records every request (path, query, headers) and answers
 * what the test says: JSON 200 by default, any status with headers, or a dropped connection.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stub received. */
export interface SeenRequest {
  readonly method: string;
  /** Path and query as received, e.g. `/api/v3/global?x=1`. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

/** What the stub answers: a status with an optional body and headers, or `drop` (the socket is destroyed). */
export type StubAnswer = { readonly status: number; readonly body?: string; readonly headers?: Readonly<Record<string, string>> } | 'drop';

export interface Stub {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: SeenRequest[];
  /** Sets the answer for the requests that follow (the default numbers each body: `{"n":1,...}`). */
  answer(next: StubAnswer | null): void;
  close(): Promise<void>;
}

/** Starts a stub on a free loopback port. */
export async function startStub(): Promise<Stub> {
  const requests: SeenRequest[] = [];
  let next: StubAnswer | null = null;
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const answer = next ?? { status: 200, body: JSON.stringify({ n: requests.length, url: req.url }) };
    if (answer === 'drop') {
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body ?? JSON.stringify({ n: requests.length, status: answer.status }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (value) => {
      next = value;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
