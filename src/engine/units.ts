/** US dollars. */
export type Usd = number & { readonly __brand: 'Usd' };
/** A count of tokens (a supply). */
export type Tokens = number & { readonly __brand: 'Tokens' };
/** A dimensionless ratio: a share of a market (0..1), a capture ratio or a multiple. */
export type Ratio = number & { readonly __brand: 'Ratio' };

export const usd = (n: number): Usd => n as Usd;
export const tokens = (n: number): Tokens => n as Tokens;
export const ratio = (n: number): Ratio => n as Ratio;
