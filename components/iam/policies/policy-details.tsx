"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { toast } from "sonner";
import { ChevronDown, ChevronRight, Loader2 } from "lucide-react";
import type { Loaded } from "@/components/actions/result";
import { useAction } from "@/components/actions/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Container, ContainerHeader, KeyValue } from "@/components/ui/container";
import { CopyButton } from "@/components/ui/copy-button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { EmptyRow, SearchBox } from "../client-list";
import { ConfirmDialog } from "../confirm-dialog";
import { ErrorAlert } from "../error-alert";
import { formatDateTime } from "../format";
import { ENTITY_TITLE, entityHref, policyAttachHref, policyEditHref } from "../paths";
import { PolicyDocumentView } from "../policy-document";
import { PolicySummaryView } from "../policy-summary";
import { TagsPanel } from "../tags-panel";
import type { EntityRef, Hints, PolicyVersionView, PolicyView } from "../types";
import { ActionFailure, useAdjustAttachmentCounts, useInvalidatePolicies } from "../use-policies";
import {
  deletePolicyAction,
  deletePolicyVersionAction,
  detachPolicyFromEntitiesAction,
  getPolicyDocumentAction,
  setDefaultPolicyVersionAction,
  updatePolicyTagsAction,
} from "./actions";
import type { PolicySummary } from "./summary-types";

type Hint = "edit" | "delete" | "setDefault" | "deleteVersion" | "tag";
const TABS = ["permissions", "entities", "tags", "versions"] as const;
type Tab = (typeof TABS)[number];
const AWS_MANAGED = "AWS managed policies can't be changed.";

export function PolicyDetails({
  policy,
  document,
  summary,
  versions,
  entities,
  hints,
  initialTab,
}: {
  policy: PolicyView;
  document: Loaded<string>;
  summary?: PolicySummary;
  versions: Loaded<PolicyVersionView[]>;
  entities: Loaded<EntityRef[]>;
  hints: Hints<Hint>;
  initialTab?: string;
}) {
  const router = useRouter();
  const invalidatePolicies = useInvalidatePolicies();
  const adjustCounts = useAdjustAttachmentCounts();
  const customer = policy.Type === "Customer managed";
  const [tab, setTab] = React.useState<Tab>(
    TABS.includes(initialTab as Tab) ? (initialTab as Tab) : "permissions",
  );
  const [deleting, setDeleting] = React.useState(false);
  const selectTab = (value: string) => {
    setTab(value as Tab);
    const url = new URL(window.location.href);
    if (value === "permissions") url.searchParams.delete("tab");
    else url.searchParams.set("tab", value);
    window.history.replaceState(null, "", url);
  };
  const attachedCount = entities.ok ? entities.data.length : undefined;

  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "IAM", href: "/iam/users" },
          { label: "Policies", href: "/iam/policies" },
          { label: policy.PolicyName },
        ]}
      />
      <PageHeader
        title={policy.PolicyName}
        badge={<Badge tone={customer ? "blue" : "neutral"}>{policy.Type}</Badge>}
        actions={
          customer ? (
            <>
              <DisabledReason reason={hints.delete}>
                <Button onClick={() => setDeleting(true)}>Delete</Button>
              </DisabledReason>
              <DisabledReason reason={hints.edit}>
                <Button variant="primary" asChild={!hints.edit}>
                  {hints.edit ? "Edit" : <Link href={policyEditHref(policy.Arn)}>Edit</Link>}
                </Button>
              </DisabledReason>
            </>
          ) : undefined
        }
      />

      <Container header={<ContainerHeader title="Policy details" />}>
        <dl className="grid gap-x-8 gap-y-4 md:grid-cols-2 xl:grid-cols-4">
          <KeyValue label="Type">{policy.Type}</KeyValue>
          <KeyValue label="Creation time">{formatDateTime(policy.CreateDate)}</KeyValue>
          <KeyValue label="Edited time">{formatDateTime(policy.UpdateDate)}</KeyValue>
          <KeyValue label="ARN">
            <span className="inline-flex max-w-full items-start gap-1">
              <span className="min-w-0 font-mono text-[13px] break-all">{policy.Arn}</span>
              <CopyButton value={policy.Arn} label="Copy policy ARN" />
            </span>
          </KeyValue>
          <KeyValue label="Description" className="md:col-span-2 xl:col-span-4">
            {policy.Description ?? <span className="text-muted-foreground">-</span>}
          </KeyValue>
        </dl>
      </Container>

      <Tabs value={tab} onValueChange={selectTab}>
        <TabsList aria-label="Policy">
          <TabsTrigger value="permissions">Permissions</TabsTrigger>
          <TabsTrigger value="entities">
            Attached entities{attachedCount !== undefined ? ` (${attachedCount})` : ""}
          </TabsTrigger>
          {customer ? <TabsTrigger value="tags">Tags</TabsTrigger> : null}
          <TabsTrigger value="versions">Policy versions</TabsTrigger>
        </TabsList>

        <TabsContent value="permissions">
          <PermissionsDefined
            policy={policy}
            document={document}
            summary={summary}
            editHint={customer ? hints.edit : AWS_MANAGED}
          />
        </TabsContent>

        <TabsContent value="entities">
          <AttachedEntities
            policy={policy}
            entities={entities}
            onDetached={(count) => adjustCounts({ [policy.Arn]: -count })}
          />
        </TabsContent>

        {customer ? (
          <TabsContent value="tags">
            <TagsPanel
              tags={policy.Tags}
              hint={hints.tag}
              description="Tags on the policy. Policies can use aws:ResourceTag to control who may change it."
              onSave={(changed, removed) => updatePolicyTagsAction(policy.Arn, changed, removed)}
            />
          </TabsContent>
        ) : null}

        <TabsContent value="versions">
          <PolicyVersions policy={policy} versions={versions} hints={hints} customer={customer} />
        </TabsContent>
      </Tabs>

      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${policy.PolicyName}?`}
        confirmLabel="Delete"
        confirmText={policy.PolicyName}
        onConfirm={() => deletePolicyAction(policy.Arn)}
        onDone={() => {
          void invalidatePolicies();
          toast.success(`The policy ${policy.PolicyName} was deleted.`);
          router.push("/iam/policies");
          router.refresh();
        }}
      >
        <div className="space-y-2 text-sm">
          <p>Deleting the policy:</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              detaches it from{" "}
              <span className="font-bold">
                {attachedCount ?? "every"} {attachedCount === 1 ? "entity" : "entities"}
              </span>
              , which lose the permissions it grants at once;
            </li>
            <li>deletes all of its versions;</li>
            <li>can&apos;t be undone.</li>
          </ul>
        </div>
      </ConfirmDialog>
    </div>
  );
}

function PermissionsDefined({
  policy,
  document,
  summary,
  editHint,
}: {
  policy: PolicyView;
  document: Loaded<string>;
  summary?: PolicySummary;
  editHint?: string;
}) {
  const [view, setView] = React.useState<"summary" | "json">("summary");
  return (
    <Container
      header={
        <ContainerHeader
          title="Permissions defined in this policy"
          description="What the policy allows and denies: a summary by service, or the JSON document itself."
          actions={
            <>
              <div
                role="radiogroup"
                aria-label="Show permissions as"
                className="inline-flex rounded-full border-2 border-primary p-0.5"
              >
                {(["summary", "json"] as const).map((v) => (
                  <button
                    key={v}
                    type="button"
                    role="radio"
                    aria-checked={view === v}
                    onClick={() => setView(v)}
                    className={cn(
                      "rounded-full px-3 py-0.5 text-sm font-bold",
                      view === v ? "bg-primary text-primary-foreground" : "text-link",
                    )}
                  >
                    {v === "summary" ? "Summary" : "JSON"}
                  </button>
                ))}
              </div>
              <DisabledReason reason={editHint}>
                <Button asChild={!editHint}>
                  {editHint ? "Edit" : <Link href={policyEditHref(policy.Arn)}>Edit</Link>}
                </Button>
              </DisabledReason>
            </>
          }
        />
      }
    >
      {!document.ok ? (
        <ErrorAlert error={document} />
      ) : view === "json" ? (
        <PolicyDocumentView document={document.data} label={policy.PolicyName} />
      ) : summary ? (
        <PolicySummaryView summary={summary} />
      ) : null}
    </Container>
  );
}

function AttachedEntities({
  policy,
  entities,
  onDetached,
}: {
  policy: PolicyView;
  entities: Loaded<EntityRef[]>;
  onDetached: (count: number) => void;
}) {
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [query, setQuery] = React.useState("");
  const [confirming, setConfirming] = React.useState(false);
  const key = (e: EntityRef) => `${e.kind}/${e.name}`;
  const list = entities.ok ? entities.data : [];
  const needle = query.trim().toLowerCase();
  const shown = needle ? list.filter((e) => e.name.toLowerCase().includes(needle)) : list;
  const chosen = list.filter((e) => selected.has(key(e)));
  const action = useAction();
  return (
    <Container
      header={
        <ContainerHeader
          title="Attached entities"
          counter={entities.ok ? list.length : undefined}
          description="Users, groups and roles this policy is attached to, as a permissions policy."
          actions={
            <>
              <Button disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
                Detach
              </Button>
              <Button asChild variant="primary">
                <Link href={policyAttachHref(policy.Arn)}>Attach</Link>
              </Button>
            </>
          }
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <div className="px-5 pb-3">
        <SearchBox value={query} onChange={setQuery} label="Search entities" />
      </div>
      <ErrorAlert error={!entities.ok ? entities : action.error} className="mx-5 mb-3" />
      <Table aria-label="Attached entities">
        <THead>
          <tr>
            <TH className="w-10 pr-0">
              <span className="sr-only">Select</span>
            </TH>
            <TH>Entity name</TH>
            <TH>Entity type</TH>
            <TH>Attached as</TH>
          </tr>
        </THead>
        <TBody>
          {shown.map((entity) => (
            <TR key={key(entity)}>
              <TD className="w-10 pr-0">
                <Checkbox
                  aria-label={`${ENTITY_TITLE[entity.kind]} ${entity.name}`}
                  checked={selected.has(key(entity))}
                  onCheckedChange={(on) => {
                    const next = new Set(selected);
                    if (on === true) next.add(key(entity));
                    else next.delete(key(entity));
                    setSelected(next);
                  }}
                />
              </TD>
              <TD className="font-bold break-all">
                <Link
                  href={entityHref(entity.kind, entity.name)}
                  className="text-link hover:underline"
                >
                  {entity.name}
                </Link>
              </TD>
              <TD>{ENTITY_TITLE[entity.kind]}</TD>
              <TD>Permissions policy</TD>
            </TR>
          ))}
          {entities.ok && shown.length === 0 ? (
            <EmptyRow
              colSpan={4}
              title={list.length === 0 ? "No entities attached" : "No matches"}
              body={
                list.length === 0
                  ? "Attach this policy to users, groups or roles to grant its permissions."
                  : "No entity matches the search."
              }
            />
          ) : null}
        </TBody>
      </Table>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Detach ${policy.PolicyName}?`}
        confirmLabel="Detach policy"
        onConfirm={async () => {
          const result = await detachPolicyFromEntitiesAction(policy.Arn, chosen);
          if (!result.ok) return result;
          onDetached(result.data.detached.length);
          setSelected(new Set());
          if (result.data.failed.length > 0) {
            const first = result.data.failed[0];
            return {
              ok: false,
              code: first.code,
              message: `${first.item}: ${first.message}`,
            };
          }
          toast.success(
            `${policy.PolicyName} was detached from ${result.data.detached.map((e) => e.name).join(", ")}.`,
          );
          return result;
        }}
      >
        <p className="text-sm">
          These entities lose the permissions the policy grants, immediately:{" "}
          <span className="font-bold">{chosen.map((e) => e.name).join(", ")}</span>.
        </p>
      </ConfirmDialog>
    </Container>
  );
}

function PolicyVersions({
  policy,
  versions,
  hints,
  customer,
}: {
  policy: PolicyView;
  versions: Loaded<PolicyVersionView[]>;
  hints: Hints<Hint>;
  customer: boolean;
}) {
  const action = useAction();
  const [removing, setRemoving] = React.useState<string>();
  return (
    <Container
      header={
        <ContainerHeader
          title="Policy versions"
          counter={versions.ok ? versions.data.length : undefined}
          description={
            customer
              ? "A customer managed policy keeps up to five versions; the default one is in force."
              : "AWS keeps every version of its managed policies; the default one is in force."
          }
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <ErrorAlert error={!versions.ok ? versions : action.error} className="mx-5 mb-3" />
      {versions.ok ? (
        <Table aria-label="Policy versions">
          <THead>
            <tr>
              <TH className="w-10 pr-0">
                <span className="sr-only">Expand</span>
              </TH>
              <TH>Version</TH>
              <TH>Creation time</TH>
              {customer ? (
                <TH className="text-right">
                  <span className="sr-only">Actions</span>
                </TH>
              ) : null}
            </tr>
          </THead>
          <TBody>
            {versions.data.map((v) => (
              <VersionRow
                key={v.VersionId}
                policy={policy}
                version={v}
                actions={
                  customer && !v.IsDefaultVersion ? (
                    <div className="flex justify-end gap-2">
                      <DisabledReason reason={hints.setDefault}>
                        <Button
                          size="sm"
                          loading={action.pending}
                          onClick={async () => {
                            const result = await action.run(() =>
                              setDefaultPolicyVersionAction(policy.Arn, v.VersionId),
                            );
                            if (result.ok)
                              toast.success(`${v.VersionId} is now the default version.`);
                          }}
                        >
                          Set as default
                        </Button>
                      </DisabledReason>
                      <DisabledReason reason={hints.deleteVersion}>
                        <Button size="sm" onClick={() => setRemoving(v.VersionId)}>
                          Delete
                        </Button>
                      </DisabledReason>
                    </div>
                  ) : customer ? (
                    <span />
                  ) : undefined
                }
              />
            ))}
          </TBody>
        </Table>
      ) : null}
      <ConfirmDialog
        open={!!removing}
        onOpenChange={(o) => !o && setRemoving(undefined)}
        title={`Delete version ${removing ?? ""}?`}
        description="The version is deleted permanently. The default version stays in force."
        confirmLabel="Delete version"
        onConfirm={() => deletePolicyVersionAction(policy.Arn, removing!)}
      />
    </Container>
  );
}

function VersionRow({
  policy,
  version,
  actions,
}: {
  policy: PolicyView;
  version: PolicyVersionView;
  actions?: React.ReactNode;
}) {
  const [open, setOpen] = React.useState(false);
  const cols = actions === undefined ? 3 : 4;
  return (
    <>
      <TR className={cn(open && "border-b-0 bg-muted/40")}>
        <TD className="w-10 pr-0">
          <button
            type="button"
            aria-expanded={open}
            aria-label={`Expand ${version.VersionId}`}
            onClick={() => setOpen((o) => !o)}
            className="rounded-md p-0.5 text-muted-foreground hover:bg-muted hover:text-foreground"
          >
            {open ? (
              <ChevronDown className="size-4" aria-hidden />
            ) : (
              <ChevronRight className="size-4" aria-hidden />
            )}
          </button>
        </TD>
        <TD className="font-bold">
          {version.VersionId}
          {version.IsDefaultVersion ? (
            <Badge tone="blue" className="ml-2">
              Default
            </Badge>
          ) : null}
        </TD>
        <TD className="whitespace-nowrap">{formatDateTime(version.CreateDate)}</TD>
        {actions !== undefined ? <TD className="text-right">{actions}</TD> : null}
      </TR>
      {open ? (
        <tr className="border-b border-border/70 bg-muted/40">
          <td colSpan={cols} className="px-5 pt-1 pb-4">
            <VersionDocument
              arn={policy.Arn}
              version={version.VersionId}
              name={policy.PolicyName}
            />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function VersionDocument({ arn, version, name }: { arn: string; version: string; name: string }) {
  const doc = useQuery<string, ActionFailure>({
    queryKey: ["iam", "policy-document", arn, version],
    queryFn: async () => {
      const result = await getPolicyDocumentAction(arn, version);
      if (!result.ok) throw new ActionFailure(result.code, result.message);
      return result.data;
    },
    staleTime: Infinity,
  });
  if (doc.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Loader2 className="size-4 animate-spin" aria-hidden /> Loading {version}
      </p>
    );
  }
  if (doc.error) return <ErrorAlert error={doc.error} />;
  return <PolicyDocumentView document={doc.data} label={`${name} ${version}`} />;
}
