"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Pencil } from "lucide-react";
import type { Loaded } from "@/components/actions/result";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Container, ContainerHeader, KeyValue } from "@/components/ui/container";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
  DialogBody,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ConfirmDialog } from "../confirm-dialog";
import { ErrorAlert } from "../error-alert";
import { formatAge, formatDateTime } from "../format";
import { roleHref } from "../paths";
import { BoundaryPanel, type BoundaryHint } from "../boundary/boundary-panel";
import { PermissionsPanel, type PermissionHint } from "../permissions-panel";
import { PolicyDocumentView } from "../policy-document";
import { TagsPanel } from "../tags-panel";
import type { AttachedPolicyView, Hints, InlinePolicyView, RoleView } from "../types";
import { useInvalidatePolicies } from "../use-policies";
import { deleteRoleAction, updateRoleAction, updateRoleTagsAction } from "./actions";
import { trustedEntities } from "./trust";

type Hint = PermissionHint | BoundaryHint | "trust" | "update" | "tag" | "delete";
const TABS = ["permissions", "trust", "tags"] as const;
type Tab = (typeof TABS)[number];

const DURATIONS = [1, 2, 4, 6, 8, 12].map((h) => ({
  value: String(h * 3600),
  label: `${h} hour${h === 1 ? "" : "s"}`,
}));

export function RoleDetails({
  role,
  attached,
  inline,
  hints,
  initialTab,
}: {
  role: RoleView;
  attached: Loaded<AttachedPolicyView[]>;
  inline: Loaded<InlinePolicyView[]>;
  hints: Hints<Hint>;
  initialTab?: string;
}) {
  const router = useRouter();
  const invalidatePolicies = useInvalidatePolicies();
  const [tab, setTab] = React.useState<Tab>(
    TABS.includes(initialTab as Tab) ? (initialTab as Tab) : "permissions",
  );
  const [deleting, setDeleting] = React.useState(false);
  const [editing, setEditing] = React.useState(false);
  const selectTab = (value: string) => {
    setTab(value as Tab);
    const url = new URL(window.location.href);
    if (value === "permissions") url.searchParams.delete("tab");
    else url.searchParams.set("tab", value);
    window.history.replaceState(null, "", url);
  };
  const base = roleHref(role.RoleName);
  const trusted = trustedEntities(role.AssumeRolePolicyDocument);
  const policyCount =
    (attached.ok ? attached.data.length : 0) + (inline.ok ? inline.data.length : 0);
  const hours = role.MaxSessionDuration / 3600;

  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "IAM", href: "/iam/users" },
          { label: "Roles", href: "/iam/roles" },
          { label: role.RoleName },
        ]}
      />
      <PageHeader
        title={role.RoleName}
        actions={
          <DisabledReason reason={hints.delete}>
            <Button onClick={() => setDeleting(true)}>Delete</Button>
          </DisabledReason>
        }
      />
      <Container
        header={
          <ContainerHeader
            title="Summary"
            actions={
              <DisabledReason reason={hints.update}>
                <Button onClick={() => setEditing(true)}>
                  <Pencil aria-hidden />
                  Edit
                </Button>
              </DisabledReason>
            }
          />
        }
      >
        <dl className="grid gap-x-8 gap-y-4 md:grid-cols-2 xl:grid-cols-3">
          <KeyValue label="Creation date">{formatDateTime(role.CreateDate)}</KeyValue>
          <KeyValue label="ARN">
            <span className="inline-flex max-w-full items-start gap-1">
              <span className="min-w-0 font-mono text-[13px] break-all">{role.Arn}</span>
              <CopyButton value={role.Arn} label="Copy role ARN" />
            </span>
          </KeyValue>
          <KeyValue label="Last activity">
            {role.LastUsedDate ? (
              <time
                dateTime={role.LastUsedDate}
                title={formatDateTime(role.LastUsedDate)}
                suppressHydrationWarning
              >
                {formatAge(role.LastUsedDate)}
                {role.LastUsedRegion ? ` (${role.LastUsedRegion})` : ""}
              </time>
            ) : (
              "-"
            )}
          </KeyValue>
          <KeyValue label="Description">
            {role.Description ?? <span className="text-muted-foreground">-</span>}
          </KeyValue>
          <KeyValue label="Maximum session duration">
            {hours} hour{hours === 1 ? "" : "s"}
          </KeyValue>
          <KeyValue label="Trusted entities">
            {trusted.length > 0 ? trusted.join(", ") : "-"}
          </KeyValue>
        </dl>
      </Container>
      <Tabs value={tab} onValueChange={selectTab}>
        <TabsList aria-label="Role">
          <TabsTrigger value="permissions">Permissions ({policyCount})</TabsTrigger>
          <TabsTrigger value="trust">Trust relationships</TabsTrigger>
          <TabsTrigger value="tags">Tags ({role.Tags.length})</TabsTrigger>
        </TabsList>
        <TabsContent value="permissions" className="space-y-5">
          <PermissionsPanel
            kind="role"
            entityName={role.RoleName}
            attached={attached}
            inline={inline}
            hints={hints}
            attachHref={`${base}/attach-policies`}
            inlineHref={(policy) =>
              `${base}/inline-policy${policy ? `?policy=${encodeURIComponent(policy)}` : ""}`
            }
          />
          <BoundaryPanel
            kind="role"
            entityName={role.RoleName}
            boundaryArn={role.PermissionsBoundaryArn}
            hints={hints}
          />
        </TabsContent>
        <TabsContent value="trust">
          <Container
            header={
              <ContainerHeader
                title="Trusted entities"
                description="Entities that can assume this role under specified conditions."
                actions={
                  <DisabledReason reason={hints.trust}>
                    <Button asChild={!hints.trust}>
                      {hints.trust ? (
                        "Edit trust policy"
                      ) : (
                        <Link href={`${base}/trust-policy`}>Edit trust policy</Link>
                      )}
                    </Button>
                  </DisabledReason>
                }
              />
            }
          >
            <PolicyDocumentView document={role.AssumeRolePolicyDocument} label="Trust" />
          </Container>
        </TabsContent>
        <TabsContent value="tags">
          <TagsPanel
            tags={role.Tags}
            hint={hints.tag}
            description="Tags on the role travel with its sessions as aws:PrincipalTag/key."
            onSave={(changed, removed) => updateRoleTagsAction(role.RoleName, changed, removed)}
          />
        </TabsContent>
      </Tabs>
      <EditRoleDialog role={role} open={editing} onOpenChange={setEditing} />
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${role.RoleName}?`}
        confirmLabel="Delete role"
        confirmText={role.RoleName}
        onConfirm={() => deleteRoleAction(role.RoleName)}
        onDone={() => {
          void invalidatePolicies();
          toast.success(`The role ${role.RoleName} was deleted.`);
          router.push("/iam/roles");
          router.refresh();
        }}
      >
        <div className="space-y-2 text-sm">
          <p>
            IAM deletes a role only once no policy is left on it. The console removes, in order:
          </p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              its {policyCount} polic{policyCount === 1 ? "y" : "ies"} (managed ones are detached,
              inline ones deleted);
            </li>
            <li>
              then the role itself. Services and functions that use it (a rotation function&apos;s
              execution role) stop working. This can&apos;t be undone.
            </li>
          </ul>
        </div>
      </ConfirmDialog>
    </div>
  );
}

function EditRoleDialog({
  role,
  open,
  onOpenChange,
}: {
  role: RoleView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [description, setDescription] = React.useState(role.Description ?? "");
  const [duration, setDuration] = React.useState(String(role.MaxSessionDuration));
  const action = useAction();
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) {
          setDescription(role.Description ?? "");
          setDuration(String(role.MaxSessionDuration));
        }
        action.setError(undefined);
        onOpenChange(o);
      }}
    >
      <DialogContent>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const result = await action.run(() =>
              updateRoleAction(role.RoleName, description, Number(duration)),
            );
            if (result.ok) {
              toast.success(`Role ${role.RoleName} updated.`);
              onOpenChange(false);
            }
          }}
        >
          <DialogHeader>
            <DialogTitle>Edit {role.RoleName}</DialogTitle>
            <DialogDescription>
              The role&apos;s description and maximum session duration.
            </DialogDescription>
          </DialogHeader>
          <DialogBody>
            <Field
              id="edit-role-description"
              label="Description"
              optional
              constraint="Maximum 1000 characters."
            >
              <Textarea
                rows={3}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
            </Field>
            <Field id="edit-role-duration" label="Maximum session duration" className="max-w-xs">
              <Select
                value={duration}
                onValueChange={setDuration}
                options={
                  DURATIONS.some((d) => d.value === duration)
                    ? DURATIONS
                    : [...DURATIONS, { value: duration, label: `${Number(duration) / 3600} hours` }]
                }
              />
            </Field>
            <ErrorAlert error={action.error} />
          </DialogBody>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="link" className="mr-3">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="primary" loading={action.pending}>
              Save changes
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
