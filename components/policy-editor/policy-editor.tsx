"use client";
// The policy editor every policy page uses: inline policies of users, groups and roles, customer
// managed policies, trust policies, permissions boundaries and secret resource policies.
// One document (`value`), three views of it — the visual editor, JSON (CodeMirror) and a summary —
// validated in the browser as you type, then "Review policy" → "Save changes".
import * as React from "react";
import { Braces, CircleAlert } from "lucide-react";
import { parseJson, type PolicyKind } from "@/lib/iam";
import type { CatalogSnapshot } from "@/lib/iam/catalog";
import type { ValidatePolicyFinding, ValidatePolicyType } from "@/lib/iam/validate";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { PolicyCatalogProvider, useCatalog, usePolicyCatalog } from "./catalog-provider";
import { FindingsPanel } from "./json/findings-panel";
import { PolicyCodeEditor, type PolicyCodeEditorHandle } from "./json/policy-code-editor";
import {
  defaultMaxCharacters,
  defaultPolicyType,
  findingStatement,
  formatJsonText,
  modelToJson,
  parseToModel,
  policySize,
  servicesNamed,
  validateCached,
  type ValidationOptions,
  type VisualModel,
} from "./model";
import { PolicySummaryView } from "./summary/policy-summary-view";
import { ReviewPolicy, type PolicyDetails, type SaveResult } from "./summary/review-policy";
import { VisualEditor } from "./visual/visual-editor";

export type { SaveResult, PolicyDetails };
export type PolicyEditorTab = "visual" | "json" | "summary";

export interface PolicyEditorProps {
  /** The policy document (JSON text). The editor never holds another copy: every view edits this. */
  value: string;
  onChange: (text: string) => void;
  /** Which grammar applies (principals in resource and trust policies, no Resource in trust). */
  kind?: PolicyKind;
  /** How Access Analyzer validates it; by default from `kind`. */
  policyType?: ValidatePolicyType;
  /** Access Analyzer's resource type, e.g. "AWS::SecretsManager::Secret". */
  validatePolicyResourceType?: string;
  /**
   * IAM's quota in characters, whitespace not counted: 6,144 managed, 2,048 user inline, 5,120
   * group inline, 10,240 role inline, 2,048 trust, 20,480 secret resource policy
   * (POLICY_SIZE_LIMITS). By default from `kind`.
   */
  maxCharacters?: number;
  initialTab?: "visual" | "json";
  /**
   * Shows "Review policy", whose "Save changes" calls this. Return AWS's error to show it in place
   * (an ActionResult from a server action fits).
   */
  onSave?: (text: string, details: PolicyDetails) => Promise<SaveResult>;
  /**
   * For a new policy: the review step asks for its name and, unless `description` is left out
   * (inline policies have none), its description. The values here are the defaults.
   */
  newPolicy?: Partial<PolicyDetails>;
  /** The review step's save button ("Save changes" by default; "Create policy" for a new one). */
  saveLabel?: string;
  /** More of the review step, above its buttons (tags of a new policy, a notice). */
  review?: React.ReactNode;
  /** Told the validator's findings whenever they change (a wizard that saves on its own blocks on them). */
  onFindings?: (findings: ValidatePolicyFinding[]) => void;
  /** Shows a Cancel button next to "Review policy". */
  onCancel?: () => void;
  /** The catalogue built on the server (policyEditorCatalog()); fetched when absent and no provider is above. */
  catalogSnapshot?: CatalogSnapshot;
  /** Defaults for ARNs and principals ("Add ARN(s)", completions). */
  accountId?: string;
  region?: string;
  partition?: string;
  /**
   * The operation's refusal when the page saves on its own (MalformedPolicyDocument ...), shown
   * above the findings. With `onSave`, the review step shows it instead.
   */
  serverError?: string;
  /** The JSON editor's accessible name. */
  label?: string;
  id?: string;
}

function whereJson(f: ValidatePolicyFinding): string {
  const at = f.locations[0]?.span.start;
  return at ? `Ln ${at.line}, Col ${at.column + 1}` : "Policy";
}

function whereVisual(f: ValidatePolicyFinding): string {
  const i = findingStatement(f);
  return i === undefined ? "Policy" : `Permission block ${i + 1}`;
}

function whereReview(f: ValidatePolicyFinding): string {
  const i = findingStatement(f);
  return `${i === undefined ? "Policy" : `Block ${i + 1}`} · ${whereJson(f)}`;
}

export function PolicyEditor(props: PolicyEditorProps) {
  const provided = usePolicyCatalog();
  if (provided) return <Editor {...props} />;
  return (
    <PolicyCatalogProvider snapshot={props.catalogSnapshot}>
      <Editor {...props} />
    </PolicyCatalogProvider>
  );
}

function Editor({
  value,
  onChange,
  kind = "identity",
  policyType,
  validatePolicyResourceType,
  maxCharacters,
  initialTab = "visual",
  onSave,
  newPolicy,
  saveLabel,
  review,
  onFindings,
  onCancel,
  accountId,
  region,
  partition,
  label = "Policy editor",
  serverError,
  id,
}: PolicyEditorProps) {
  const { catalog, ensureServices, pending } = useCatalog();
  const generated = React.useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const idPrefix = id ?? `policy-editor-${generated}`;
  const [tab, setTab] = React.useState<PolicyEditorTab>(initialTab);
  const [step, setStep] = React.useState<"edit" | "review">("edit");
  const [formatError, setFormatError] = React.useState<string>();
  const [expandRequest, setExpandRequest] = React.useState<{ index: number; nonce: number }>();
  const code = React.useRef<PolicyCodeEditorHandle>(null);
  const root = React.useRef<HTMLDivElement>(null);
  // The visual editor's model for the text it last wrote: kept so its blocks (and what it holds
  // that JSON cannot, like a service chosen before any action) survive a round of its own edits.
  const [own, setOwn] = React.useState<{ text: string; model: VisualModel }>();

  const limit = maxCharacters ?? defaultMaxCharacters(kind);
  const validation = React.useMemo<ValidationOptions>(
    () => ({
      policyType: policyType ?? defaultPolicyType(kind),
      maxSize: limit,
      validatePolicyResourceType,
    }),
    [policyType, kind, limit, validatePolicyResourceType],
  );

  const deferred = React.useDeferredValue(value);
  const findings = React.useMemo(
    () => (catalog ? validateCached(deferred, validation, catalog) : []),
    [deferred, validation, catalog],
  );
  React.useEffect(() => {
    onFindings?.(findings);
  }, [findings, onFindings]);
  React.useEffect(() => {
    const named = servicesNamed(deferred);
    if (named.length > 0) ensureServices(named);
  }, [deferred, ensureServices]);

  const needsModel = step === "edit" && tab === "visual";
  const parsed = React.useMemo(
    () => (needsModel && !(own && own.text === value) ? parseToModel(value, kind) : undefined),
    [needsModel, own, value, kind],
  );
  const model = own && own.text === value ? own.model : parsed;

  const editVisual = React.useCallback(
    (next: VisualModel) => {
      const text = modelToJson(next);
      setOwn({ text, model: next });
      onChange(text);
    },
    [onChange],
  );

  const selectFinding = React.useCallback(
    (f: ValidatePolicyFinding) => {
      if (tab === "json") {
        const span = f.locations[0]?.span;
        if (span) code.current?.reveal(span.start.offset, span.end.offset);
      } else {
        const i = findingStatement(f);
        if (i !== undefined) setExpandRequest({ index: i, nonce: Date.now() });
      }
    },
    [tab],
  );

  const size = policySize(value);
  const over = size > limit;

  if (step === "review" && onSave) {
    return (
      <ReviewPolicy
        idPrefix={idPrefix}
        text={value}
        kind={kind}
        findings={findings}
        maxCharacters={limit}
        details={newPolicy}
        onBack={() => setStep("edit")}
        onSave={onSave}
        saveLabel={saveLabel}
        where={whereReview}
      >
        {review}
      </ReviewPolicy>
    );
  }

  const format = () => {
    const formatted = formatJsonText(value, parseJson);
    if (formatted === undefined) {
      setFormatError("Fix the JSON syntax error first: the document cannot be formatted.");
      return;
    }
    setFormatError(undefined);
    if (formatted !== value) onChange(formatted);
  };

  return (
    // The editor may sit inside a page's own form (the create role wizard): its dialogs' forms
    // must not submit that form (React's submit events bubble through portals), nor may Enter in
    // one of its fields.
    <div
      ref={root}
      className="space-y-4"
      onSubmit={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        const target = event.target as HTMLElement;
        if (event.key !== "Enter" || target.tagName !== "INPUT") return;
        const form = target.closest("form");
        if (form && root.current && form.contains(root.current)) event.preventDefault();
      }}
    >
      <div className="overflow-hidden rounded-xl border bg-card">
        <Tabs value={tab} onValueChange={(t) => setTab(t as PolicyEditorTab)}>
          <div className="flex flex-wrap items-end justify-between gap-x-4 gap-y-1 border-b px-2">
            <TabsList aria-label="Policy editor views" className="border-b-0">
              <TabsTrigger value="visual">Visual editor</TabsTrigger>
              <TabsTrigger value="json">JSON</TabsTrigger>
              <TabsTrigger value="summary">Summary</TabsTrigger>
            </TabsList>
            <div className="flex flex-wrap items-center gap-3 py-1.5 text-xs">
              {tab === "json" ? (
                <Button size="sm" variant="ghost" onClick={format}>
                  <Braces aria-hidden />
                  Format
                </Button>
              ) : null}
              <span
                id={`${idPrefix}-size`}
                className={cn(
                  "tabular-nums",
                  over ? "font-bold text-destructive" : "text-muted-foreground",
                )}
                title="IAM does not count whitespace against the quota."
              >
                {over ? (
                  <CircleAlert className="mr-1 inline size-3.5 align-[-2px]" aria-hidden />
                ) : null}
                {size.toLocaleString("en-US")} of {limit.toLocaleString("en-US")} characters
                {over ? ` — ${(size - limit).toLocaleString("en-US")} over the quota` : ""}
              </span>
            </div>
          </div>
          {serverError ? (
            <Alert type="error" role="alert" className="m-3">
              {serverError}
            </Alert>
          ) : null}
          {formatError && tab === "json" ? (
            <p
              role="status"
              className="flex items-center gap-1.5 border-b bg-error-soft px-3 py-1.5 text-xs font-bold text-destructive"
            >
              <CircleAlert className="size-3.5" aria-hidden />
              {formatError}
            </p>
          ) : null}
          <TabsContent value="visual" className="bg-background/60 p-3 pt-3 dark:bg-background/30">
            {model ? (
              <VisualEditor
                idPrefix={idPrefix}
                model={model}
                onChange={editVisual}
                findings={findings}
                onShowJson={() => setTab("json")}
                accountId={accountId}
                region={region}
                partition={partition}
                expandRequest={expandRequest}
              />
            ) : null}
          </TabsContent>
          <TabsContent value="json" className="pt-0">
            <PolicyCodeEditor
              ref={code}
              value={value}
              onChange={(text) => {
                setFormatError(undefined);
                onChange(text);
              }}
              kind={kind}
              validation={validation}
              label={label}
              describedBy={`${idPrefix}-size`}
              accountId={accountId}
            />
          </TabsContent>
          <TabsContent value="summary" className="p-3">
            <PolicySummaryView text={value} kind={kind} />
          </TabsContent>
          {tab !== "summary" ? (
            <FindingsPanel
              id={`${idPrefix}-findings`}
              findings={findings}
              pending={pending.size > 0}
              where={tab === "json" ? whereJson : whereVisual}
              onSelect={selectFinding}
            />
          ) : null}
        </Tabs>
      </div>
      {onSave ? (
        <div className="flex flex-wrap items-center justify-end gap-2">
          {onCancel ? (
            <Button variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button variant="primary" onClick={() => setStep("review")}>
            Review policy
          </Button>
        </div>
      ) : null}
    </div>
  );
}
