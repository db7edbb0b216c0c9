"use client";
// The JSON tab: CodeMirror 6 with JSON highlighting, completions from the IAM catalogue and the
// validator's findings as inline diagnostics. Validation runs in the browser, synchronously,
// a few milliseconds after typing stops (the linter's delay is the debounce).
import * as React from "react";
import CodeMirror, { type ReactCodeMirrorRef } from "@uiw/react-codemirror";
import { autocompletion } from "@codemirror/autocomplete";
import { json } from "@codemirror/lang-json";
import { forceLinting, linter, lintGutter, type Diagnostic } from "@codemirror/lint";
import { StateEffect, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import type { PolicyKind } from "@/lib/iam";
import type { ValidatePolicyFinding } from "@/lib/iam/validate";
import { useCatalog } from "../catalog-provider";
import { FINDING_LABELS, validateCached, type ValidationOptions } from "../model";
import { policyCompletionSource, type CompletionEnv } from "./completions";
import { policyEditorTheme } from "./theme";

/**
 * The linter runs at once after a change (before React re-renders the page around the editor),
 * unless it ran less than LINT_GAP_MS ago; then it runs LINT_DELAY_MS after the last keystroke of
 * the burst. Validation is synchronous and takes a few milliseconds on a 10,240-character policy.
 */
export const LINT_DELAY_MS = 10;
export const LINT_GAP_MS = 50;

/** Lints right after a change, at most once per LINT_GAP_MS (the linter's delay covers the rest). */
function promptLinting() {
  let last = -Infinity;
  return EditorView.updateListener.of((update) => {
    if (!update.docChanged) return;
    const now = performance.now();
    if (now - last < LINT_GAP_MS) return;
    last = now;
    const view = update.view;
    queueMicrotask(() => forceLinting(view));
  });
}

export interface PolicyCodeEditorHandle {
  /** Selects a range and scrolls it into view (from a finding in the list). */
  reveal: (from: number, to: number) => void;
  focus: () => void;
}

const refreshLint = StateEffect.define<null>();

// Constant on purpose: @uiw/react-codemirror reconfigures the whole editor whenever basicSetup,
// extensions or onChange change identity, which on every keystroke would delay the linter.
const BASIC_SETUP = {
  autocompletion: false,
  foldGutter: true,
  highlightActiveLine: true,
  highlightActiveLineGutter: true,
  lintKeymap: true,
  searchKeymap: true,
  closeBrackets: true,
  bracketMatching: true,
} as const;

export function toDiagnostics(findings: ValidatePolicyFinding[], length: number): Diagnostic[] {
  const clamp = (n: number) => Math.max(0, Math.min(n, length));
  return findings.map((f) => {
    const span = f.locations[0]?.span;
    const from = clamp(span?.start.offset ?? 0);
    const to = Math.max(from, clamp(span?.end.offset ?? from));
    return {
      from,
      to,
      severity:
        f.findingType === "ERROR" ? "error" : f.findingType === "SUGGESTION" ? "info" : "warning",
      markClass: f.findingType === "SECURITY_WARNING" ? "cm-lintRange-security" : undefined,
      source: `${FINDING_LABELS[f.findingType].one} · ${f.issueCode}`,
      message: f.fix ? `${f.findingDetails} ${f.fix}` : f.findingDetails,
      actions: [
        {
          name: "Learn more",
          apply: () => {
            window.open(f.learnMoreLink, "_blank", "noopener,noreferrer");
          },
        },
      ],
    } satisfies Diagnostic;
  });
}

type Environment = CompletionEnv & { validation: ValidationOptions };

/**
 * One editor's CodeMirror extensions, built once, and what they read when they run (the
 * catalogue, the validation options): the extensions keep their identity while those change.
 */
class EditorSession {
  private environment: Environment | undefined;
  readonly extensions: Extension[];

  constructor(label: string, describedBy: string | undefined) {
    const env = () => this.environment;
    this.extensions = [
      json(),
      linter(
        (view) => {
          const current = env();
          if (!current?.catalog) return [];
          const text = view.state.doc.toString();
          return toDiagnostics(
            validateCached(text, current.validation, current.catalog),
            text.length,
          );
        },
        {
          delay: LINT_DELAY_MS,
          needsRefresh: (update) =>
            update.transactions.some((tr) => tr.effects.some((e) => e.is(refreshLint))),
        },
      ),
      lintGutter(),
      promptLinting(),
      autocompletion({
        override: [
          policyCompletionSource(
            () =>
              env() ?? {
                catalog: undefined,
                kind: "identity",
                ensureServices: () => undefined,
              },
          ),
        ],
        icons: false,
        activateOnTyping: true,
      }),
      EditorView.contentAttributes.of({
        "aria-label": label,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        // Explicitly focusable, so the scroller around it counts as keyboard-reachable.
        tabindex: "0",
        spellcheck: "false",
        autocapitalize: "off",
        autocorrect: "off",
      }),
      policyEditorTheme,
    ];
  }

  setEnvironment(environment: Environment): void {
    this.environment = environment;
  }
}

export function PolicyCodeEditor({
  value,
  onChange,
  kind,
  validation,
  label,
  describedBy,
  accountId,
  ref,
}: {
  value: string;
  onChange: (text: string) => void;
  kind: PolicyKind;
  validation: ValidationOptions;
  label: string;
  describedBy?: string;
  accountId?: string;
  ref?: React.Ref<PolicyCodeEditorHandle>;
}) {
  const { catalog, ensureServices } = useCatalog();
  const cm = React.useRef<ReactCodeMirrorRef>(null);
  const session = React.useMemo(() => new EditorSession(label, describedBy), [label, describedBy]);
  React.useEffect(() => {
    session.setEnvironment({ catalog, kind, ensureServices, accountId, validation });
    cm.current?.view?.dispatch({ effects: refreshLint.of(null) });
  }, [session, catalog, kind, ensureServices, accountId, validation]);

  const latestOnChange = React.useRef(onChange);
  React.useEffect(() => {
    latestOnChange.current = onChange;
  }, [onChange]);
  const handleChange = React.useCallback((text: string) => latestOnChange.current(text), []);

  React.useImperativeHandle(
    ref,
    () => ({
      reveal(from, to) {
        const view = cm.current?.view;
        if (!view) return;
        const length = view.state.doc.length;
        view.dispatch({
          selection: { anchor: Math.min(from, length), head: Math.min(to, length) },
          scrollIntoView: true,
        });
        view.focus();
      },
      focus() {
        cm.current?.view?.focus();
      },
    }),
    [],
  );

  return (
    <CodeMirror
      ref={cm}
      value={value}
      onChange={handleChange}
      extensions={session.extensions}
      theme="none"
      minHeight="20rem"
      maxHeight="36rem"
      basicSetup={BASIC_SETUP}
      className="text-[13px]"
    />
  );
}
