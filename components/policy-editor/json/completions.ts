// Autocompletion for policy JSON from the IAM catalogue: element names, Effect, actions (service
// prefixes, then the service's actions), resource ARNs of the statement's resource types,
// principals, condition operators, condition keys for the statement's actions, and values.
import type { Completion, CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { BASE_OPERATORS, type PolicyKind } from "@/lib/iam";
import type { Catalog } from "@/lib/iam/catalog";
import {
  anyArn,
  blockServices,
  cursorContext,
  keysForBlock,
  parseToModel,
  policySlot,
  resourceTypesForBlock,
  shortServiceName,
  type VisualModel,
} from "../model";

export interface CompletionEnv {
  catalog: Catalog | undefined;
  kind: PolicyKind;
  ensureServices: (prefixes: readonly string[]) => void;
  accountId?: string;
}

const VALUE_CHARS = /^[\w:*?/.${}@+=,-]*$/;

const KNOWN_VALUES: Record<string, string[]> = {
  "secretsmanager:versionstage": ["AWSCURRENT", "AWSPENDING", "AWSPREVIOUS"],
  "aws:principaltype": ["Account", "User", "FederatedUser", "AssumedRole", "Anonymous"],
};

const OPERATORS: Completion[] = (() => {
  const out: Completion[] = [];
  for (const base of BASE_OPERATORS) {
    out.push({ label: base, type: "keyword", boost: 2 });
    if (base !== "Null") out.push({ label: `${base}IfExists`, type: "keyword" });
  }
  for (const set of ["ForAnyValue", "ForAllValues"]) {
    for (const base of BASE_OPERATORS) {
      if (base === "Null") continue;
      out.push({ label: `${set}:${base}`, type: "keyword", boost: -1 });
    }
  }
  return out;
})();

export function policyCompletionSource(env: () => CompletionEnv) {
  let lastModel: VisualModel | undefined;

  const modelOf = (text: string, kind: PolicyKind) => {
    const model = parseToModel(text, kind);
    if (!model.unreadable) lastModel = model;
    return lastModel;
  };

  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const { catalog, kind, ensureServices, accountId } = env();
    const text = context.state.doc.toString();
    const cursor = cursorContext(text, context.pos);
    if (!cursor || !catalog) return null;
    if (!cursor.inString && !context.explicit) return null;
    const slot = policySlot(cursor);
    const quote = (options: Completion[]): Completion[] =>
      cursor.inString
        ? options
        : options.map((o) => ({
            ...o,
            apply: JSON.stringify(typeof o.apply === "string" ? o.apply : o.label),
          }));
    const result = (options: Completion[]): CompletionResult | null =>
      options.length === 0
        ? null
        : {
            from: cursor.from,
            options: quote(options),
            validFor: cursor.inString ? VALUE_CHARS : undefined,
          };

    switch (slot.slot) {
      case "top-key":
        return result(["Version", "Id", "Statement"].map((label) => ({ label, type: "property" })));
      case "version":
        return result([{ label: "2012-10-17", type: "constant" }]);
      case "statement-key": {
        const names = [
          "Sid",
          "Effect",
          "Action",
          "NotAction",
          "Resource",
          "NotResource",
          "Condition",
        ];
        if (kind === "trust" || kind === "resource")
          names.splice(2, 0, "Principal", "NotPrincipal");
        if (kind === "trust") names.splice(names.indexOf("Resource"), 2);
        return result(names.map((label) => ({ label, type: "property" })));
      }
      case "effect":
        return result([
          { label: "Allow", type: "constant" },
          { label: "Deny", type: "constant" },
        ]);
      case "action":
        return actionOptions(cursor.prefix, catalog, env, result);
      case "resource": {
        const block = modelOf(text, kind)?.blocks[slot.statement];
        const services = block ? blockServices(block) : { kind: "none" as const };
        const options: Completion[] = [{ label: "*", type: "constant", detail: "All resources" }];
        if (block && services.kind === "one") {
          for (const type of resourceTypesForBlock(block, services.prefix, catalog).types) {
            const any = anyArn(type);
            options.push({ label: any, type: "variable", detail: `Any ${type.name}` });
            if (accountId) {
              const mine = any.replace(/^(arn:[^:]+:[^:]+:[^:]*:)\*:/, `$1${accountId}:`);
              if (mine !== any)
                options.push({
                  label: mine,
                  type: "variable",
                  detail: `${type.name} in this account`,
                });
            }
          }
        }
        return result(options);
      }
      case "principal-type":
        return result(
          ["AWS", "Service", "Federated", "CanonicalUser"].map((label) => ({
            label,
            type: "property",
          })),
        );
      case "principal": {
        if (slot.type === "Service") {
          return result(
            catalog.listServices().map((s) => ({
              label: `${s.prefix}.amazonaws.com`,
              type: "constant",
              detail: shortServiceName(s.name),
              boost: s.strongbox.level === "none" ? 0 : 1,
            })),
          );
        }
        if (slot.type === "AWS") {
          const options: Completion[] = [{ label: "*", type: "constant", detail: "Everyone" }];
          if (accountId) {
            options.push({
              label: `arn:aws:iam::${accountId}:root`,
              type: "constant",
              detail: "This account",
            });
            options.push({
              label: `arn:aws:iam::${accountId}:role/`,
              type: "constant",
              detail: "A role",
            });
            options.push({
              label: `arn:aws:iam::${accountId}:user/`,
              type: "constant",
              detail: "A user",
            });
          }
          return result(options);
        }
        return null;
      }
      case "condition-operator":
        return result(OPERATORS);
      case "condition-key": {
        const block = modelOf(text, kind)?.blocks[slot.statement];
        const services = block ? blockServices(block) : undefined;
        if (services?.kind === "one") ensureServices([services.prefix]);
        if (services?.kind === "mixed") ensureServices(services.prefixes);
        const keys = block ? keysForBlock(block, catalog) : catalog.globalConditionKeys();
        return result(
          keys.map((k) => {
            const template = /^(.*?)(\$\{[^}]*\}|<[^>]*>|tag-key)$/.exec(k.name);
            return {
              label: template ? template[1] : k.name,
              displayLabel: k.name,
              type: "variable",
              detail: k.type,
              info: k.description || undefined,
              boost: k.global ? 0 : 1,
            };
          }),
        );
      }
      case "condition-value": {
        const key = catalog.conditionKey(slot.key);
        const known = KNOWN_VALUES[slot.key.toLowerCase()];
        if (known) return result(known.map((label) => ({ label, type: "constant" })));
        if (
          key?.type.replace(/^ArrayOf/, "") === "Bool" ||
          /^Null$|^Bool/i.test(slot.operator.replace(/^For\w+Value[s]?:/, ""))
        ) {
          return result(["true", "false"].map((label) => ({ label, type: "constant" })));
        }
        return null;
      }
      default:
        return null;
    }
  };
}

async function actionOptions(
  prefix: string,
  catalog: Catalog,
  env: () => CompletionEnv,
  result: (options: Completion[]) => CompletionResult | null,
): Promise<CompletionResult | null> {
  const colon = prefix.indexOf(":");
  if (colon < 0) {
    return result(
      catalog.listServices().map((s) => ({
        label: `${s.prefix}:`,
        type: "namespace",
        detail: shortServiceName(s.name),
        boost: s.strongbox.level === "none" ? 0 : 1,
      })),
    );
  }
  const service = prefix.slice(0, colon).toLowerCase();
  let current = catalog;
  if (!current.hasServiceData(service)) {
    if (!current.hasService(service)) return null;
    env().ensureServices([service]);
    // Wait (briefly) for the service's data: the provider replaces the catalogue when it arrives.
    for (let i = 0; i < 40; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const next = env().catalog;
      if (next?.hasServiceData(service)) {
        current = next;
        break;
      }
    }
  }
  const data = current.getService(service);
  if (!data) return null;
  return result([
    {
      label: `${service}:*`,
      type: "keyword",
      detail: `All ${shortServiceName(data.name)} actions`,
      boost: -1,
    },
    ...data.actions.map((a) => ({
      label: a.fullName,
      type: "function",
      detail: a.accessLevel,
      info: a.description || undefined,
    })),
  ]);
}
