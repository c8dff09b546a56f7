/** Why a live request failed, in the words the app shows ("Live prices unavailable: HTTP 429"). */
export type DataErrorKind = 'http' | 'timeout' | 'network' | 'invalid' | 'aborted' | 'config';

export interface DataErrorInit {
  readonly kind: DataErrorKind;
  /** The source name shown to people: "CoinGecko", "Token Metrics", "Embedded snapshot". */
  readonly source: string;
  readonly status?: number | undefined;
  /** From a readable `Retry-After` header, in milliseconds. */
  readonly retryAfterMs?: number | undefined;
  readonly detail?: string | undefined;
}

/**
 * The one error type the data layer throws. `reason` is short and safe to show: it never holds a
 * URL with a key, a header or a response body.
 */
export class DataError extends Error {
  readonly kind: DataErrorKind;
  readonly source: string;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly detail: string | undefined;

  constructor(init: DataErrorInit) {
    super(`${init.source}: ${describeKind(init)}`);
    this.name = 'DataError';
    this.kind = init.kind;
    this.source = init.source;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.detail = init.detail;
  }

  /** "HTTP 429", "timeout", "invalid response (...)", "network error or rate limit". */
  get reason(): string {
    return describeKind(this);
  }

  /** Worth another try: rate limits, server errors, time-outs and network failures. */
  get retryable(): boolean {
    if (this.kind === 'timeout' || this.kind === 'network') return true;
    return this.kind === 'http' && this.status !== undefined && (this.status === 429 || this.status >= 500);
  }
}

function describeKind(e: { kind: DataErrorKind; status?: number | undefined; detail?: string | undefined }): string {
  switch (e.kind) {
    case 'http':
      return `HTTP ${e.status ?? '?'}`;
    case 'timeout':
      return 'timeout';
    // A 429 from CoinGecko's CDN carries no CORS headers, so the browser reports a bare network failure.
    case 'network':
      return 'network error or rate limit';
    case 'invalid':
      return e.detail ? `invalid response (${e.detail})` : 'invalid response';
    case 'aborted':
      return 'cancelled';
    case 'config':
    default:
      return e.detail ?? 'not configured';
  }
}

/** Any thrown value as a DataError (unknown errors become invalid responses of `source`). */
export function toDataError(error: unknown, source: string): DataError {
  if (error instanceof DataError) return error;
  return new DataError({ kind: 'invalid', source, detail: error instanceof Error ? error.name : 'unexpected' });
}
