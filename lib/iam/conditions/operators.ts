/** Each base condition operator: its family and whether it negates. */
import type { BaseOperator } from "../ast";
import { arnLike } from "./arn";
import { binaryEquals } from "./binary";
import { bool } from "./bool";
import {
  dateEquals,
  dateGreaterThan,
  dateGreaterThanEquals,
  dateLessThan,
  dateLessThanEquals,
} from "./date";
import { ipAddress } from "./ip";
import {
  numericEquals,
  numericGreaterThan,
  numericGreaterThanEquals,
  numericLessThan,
  numericLessThanEquals,
} from "./numeric";
import { stringEquals, stringEqualsIgnoreCase, stringLike } from "./string";
import type { OperatorFamily, OperatorSpec } from "./types";

const op = <P, R>(family: OperatorFamily<P, R>, negated = false): OperatorSpec => ({
  family: family as OperatorFamily,
  negated,
});

/** Null is absent: it is evaluated on the key's presence alone (./null.ts). */
export const OPERATORS: Readonly<Record<Exclude<BaseOperator, "Null">, OperatorSpec>> = {
  StringEquals: op(stringEquals),
  StringNotEquals: op(stringEquals, true),
  StringEqualsIgnoreCase: op(stringEqualsIgnoreCase),
  StringNotEqualsIgnoreCase: op(stringEqualsIgnoreCase, true),
  StringLike: op(stringLike),
  StringNotLike: op(stringLike, true),
  NumericEquals: op(numericEquals),
  NumericNotEquals: op(numericEquals, true),
  NumericLessThan: op(numericLessThan),
  NumericLessThanEquals: op(numericLessThanEquals),
  NumericGreaterThan: op(numericGreaterThan),
  NumericGreaterThanEquals: op(numericGreaterThanEquals),
  DateEquals: op(dateEquals),
  DateNotEquals: op(dateEquals, true),
  DateLessThan: op(dateLessThan),
  DateLessThanEquals: op(dateLessThanEquals),
  DateGreaterThan: op(dateGreaterThan),
  DateGreaterThanEquals: op(dateGreaterThanEquals),
  Bool: op(bool),
  BinaryEquals: op(binaryEquals),
  IpAddress: op(ipAddress),
  NotIpAddress: op(ipAddress, true),
  ArnEquals: op(arnLike),
  ArnLike: op(arnLike),
  ArnNotEquals: op(arnLike, true),
  ArnNotLike: op(arnLike, true),
};
