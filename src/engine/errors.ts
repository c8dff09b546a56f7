/**
 * The one error the engine throws: an input it refuses, named by `field`
 * (for example `"price"`, `"captures.moon"`, `"tiers[2]"`, `"published.base[1]"`).
 * Callers show `message` to the user and can highlight the input named by `field`.
 */
export class EngineInputError extends Error {
  readonly field: string;
  readonly value: unknown;

  constructor(field: string, message: string, value?: unknown) {
    super(`${field}: ${message}`);
    this.name = 'EngineInputError';
    this.field = field;
    this.value = value;
  }
}
