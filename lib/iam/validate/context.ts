/**
 * What every check shares: the parsed document, the catalogue, and how findings are written
 * (Access Analyzer's shape, with a path through the JSON and the span from the parser).
 */
import type { PolicyDocument, PolicyKind, Span, Statement } from "../ast";
import type { Catalog, CatalogAction } from "../catalog";
import { findingTypeOf, learnMoreLink, type IssueCode } from "./codes";
import type { PathElement, ValidatePolicyFinding, ValidatePolicyType } from "./types";

export class ValidationContext {
  readonly findings: ValidatePolicyFinding[] = [];
  /** Offsets of values already reported as errors (later checks leave them alone). */
  readonly erroneous = new Set<number>();
  private readonly expansions = new Map<string, CatalogAction[] | undefined>();

  constructor(
    readonly text: string,
    readonly document: PolicyDocument,
    readonly kind: PolicyKind,
    readonly policyType: ValidatePolicyType,
    readonly catalog: Catalog,
  ) {}

  report(code: IssueCode, details: string, path: PathElement[], span: Span, fix?: string): void {
    const finding: ValidatePolicyFinding = {
      findingDetails: details,
      findingType: findingTypeOf(code),
      issueCode: code,
      learnMoreLink: learnMoreLink(code),
      locations: [{ path, span: copySpan(span) }],
    };
    if (fix) finding.fix = fix;
    if (finding.findingType === "ERROR") this.erroneous.add(span.start.offset);
    this.findings.push(finding);
  }

  statementPath(statement: Statement): PathElement[] {
    return this.document.statement.isArray
      ? [{ value: "Statement" }, { index: statement.index }]
      : [{ value: "Statement" }];
  }

  /** Path to an element of a statement, or to one of its values when the element is an array. */
  elementPath(
    statement: Statement,
    element: string,
    isArray?: boolean,
    index?: number,
  ): PathElement[] {
    const path = [...this.statementPath(statement), { value: element }];
    if (isArray && index !== undefined) path.push({ index });
    return path;
  }

  /**
   * The catalogue actions an Action pattern stands for; undefined when that cannot be said
   * cheaply or at all ("*", a wildcard in the service, a service without data).
   */
  expand(pattern: string): CatalogAction[] | undefined {
    if (this.expansions.has(pattern)) return this.expansions.get(pattern);
    let result: CatalogAction[] | undefined;
    const colon = pattern.indexOf(":");
    if (pattern !== "*" && colon > 0) {
      const service = pattern.slice(0, colon);
      if (!/[*?]/.test(service) && this.catalog.hasServiceData(service)) {
        result = this.catalog.expandActionPattern(pattern);
      }
    }
    this.expansions.set(pattern, result);
    return result;
  }
}

function copySpan(span: Span): Span {
  return { start: { ...span.start }, end: { ...span.end } };
}

/** Quotes a value the way findings show it. */
export function q(value: string): string {
  return JSON.stringify(value);
}
