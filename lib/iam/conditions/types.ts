/**
 * What every condition operator family provides. Policy and request values are read once into
 * a comparable form; a value that cannot be read is `undefined`, and the condition then fails
 * closed (see ../condition.ts).
 */
import type { PatternChunk } from "../glob";

/** Three-valued result: FALSE, TRUE, or UNKNOWN when input could not be read (fails closed). */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Tri = typeof FALSE | typeof TRUE | typeof UNKNOWN;

export interface OperatorFamily<P = unknown, R = unknown> {
  /** Whether policy variables are substituted in this family's values (String, ARN, Bool). */
  readonly variables: boolean;
  /** Whether `*` and `?` are wildcards in its policy values (StringLike, ArnLike). */
  readonly wildcards: boolean;
  /**
   * Reads a policy value; undefined when malformed. Wildcard families get `chunks` when the
   * value came from a template (variable text is literal).
   */
  policy(text: string, chunks?: readonly PatternChunk[]): P | undefined;
  /** Reads one request value; undefined when malformed. */
  request(value: string): R | undefined;
  /** Set when `request` returns the text itself: request values are then used as they are. */
  readonly requestIsText?: boolean;
  test(request: R, policy: P): boolean;
}

/** A base operator: its family and whether it is the negated form (StringNotEquals, ...). */
export interface OperatorSpec {
  family: OperatorFamily;
  negated: boolean;
}
