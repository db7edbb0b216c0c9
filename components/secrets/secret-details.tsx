"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Container, ContainerHeader, KeyValue } from "@/components/ui/container";
import { CopyButton } from "@/components/ui/copy-button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { restoreSecretAction } from "./actions";
import { formatDate, formatDateTime } from "./format";
import { DeleteSecretDialog, EditDescriptionDialog, EditTagsDialog } from "./secret-dialogs";
import { ResourcePolicyPanel } from "./resource-policy-editor";
import { SecretValuePanel } from "./secret-value-panel";
import { RotationPanel } from "@/components/rotation/rotation-panel";
import type { MasterSecretGrantView, RotationAttemptView } from "@/components/rotation/types";
import { DEFAULT_ENCRYPTION_KEY, type SecretDetailsView, type SecretVersionView } from "./types";

type Loaded<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

const MARKED_FOR_DELETION =
  "You can't perform this operation on the secret because it was marked for deletion.";

const TABS = ["overview", "rotation", "versions", "tags", "permissions"] as const;
type Tab = (typeof TABS)[number];

export function SecretDetails({
  secret,
  versions,
  policy,
  created,
  initialTab,
  rotation,
}: {
  secret: SecretDetailsView;
  versions: Loaded<SecretVersionView[]>;
  policy: Loaded<string | undefined>;
  created: boolean;
  initialTab?: string;
  /** The master-secret step still to do, and the rotation history. */
  rotation: {
    grant?: MasterSecretGrantView;
    attempts: Loaded<RotationAttemptView[]>;
    /** The master secret the secret's value names (masterarn), when its function uses one. */
    masterArn?: string;
  };
}) {
  const router = useRouter();
  const [showCreated, setShowCreated] = React.useState(created);
  const [dialog, setDialog] = React.useState<"description" | "delete" | "tags">();
  const [scheduledFor, setScheduledFor] = React.useState<string>();
  const [restoring, setRestoring] = React.useState(false);
  const [restoreError, setRestoreError] = React.useState<string>();
  const [tab, setTab] = React.useState<Tab>(
    TABS.includes(initialTab as Tab) ? (initialTab as Tab) : "overview",
  );

  // The success banner is news once: drop ?created=1 so a reload doesn't repeat it.
  React.useEffect(() => {
    if (!created) return;
    const url = new URL(window.location.href);
    url.searchParams.delete("created");
    window.history.replaceState(null, "", url);
  }, [created]);

  const deleted = !!secret.DeletedDate;
  const disabledReason = deleted ? MARKED_FOR_DELETION : undefined;
  const deletionDate = secret.DeletionDate ?? scheduledFor;

  const selectTab = (value: string) => {
    setTab(value as Tab);
    const url = new URL(window.location.href);
    if (value === "overview") url.searchParams.delete("tab");
    else url.searchParams.set("tab", value);
    window.history.replaceState(null, "", url);
  };

  const cancelDeletion = async () => {
    setRestoring(true);
    setRestoreError(undefined);
    const result = await restoreSecretAction(secret.ARN);
    setRestoring(false);
    if (!result.ok) {
      setRestoreError(`${result.code}: ${result.message}`);
      return;
    }
    setScheduledFor(undefined);
    toast.success(`The deletion of ${secret.Name} was canceled.`);
    router.refresh();
  };

  return (
    <div className="space-y-5">
      <Breadcrumbs items={[{ label: "Secrets", href: "/secrets" }, { label: secret.Name }]} />

      {/* With the master-secret step to do, the Rotation tab's message says it was stored. */}
      {showCreated && !rotation.grant ? (
        <Alert type="success" onDismiss={() => setShowCreated(false)}>
          Your secret <span className="font-bold break-all">{secret.Name}</span> has been
          successfully stored.
        </Alert>
      ) : null}

      {deleted ? (
        <Alert
          type="warning"
          header={
            deletionDate
              ? `This secret is scheduled for deletion on ${formatDateTime(deletionDate)}.`
              : "This secret is scheduled for deletion."
          }
          action={
            <Button onClick={cancelDeletion} loading={restoring}>
              Cancel deletion
            </Button>
          }
        >
          To use the secret again, cancel the deletion. Until then its value can&apos;t be retrieved
          or changed.
          {restoreError ? (
            <span className="mt-1 block font-bold text-destructive">{restoreError}</span>
          ) : null}
        </Alert>
      ) : null}

      <PageHeader
        title={secret.Name}
        badge={deleted ? <Badge tone="warning">Scheduled for deletion</Badge> : undefined}
        actions={
          <>
            <DisabledReason reason={disabledReason}>
              <Button onClick={() => setDialog("description")}>Edit description</Button>
            </DisabledReason>
            <DisabledReason
              reason={deleted ? "The secret is already scheduled for deletion." : undefined}
            >
              <Button onClick={() => setDialog("delete")}>Delete</Button>
            </DisabledReason>
          </>
        }
      />

      <Container header={<ContainerHeader title="Secret details" />}>
        <dl className="grid gap-x-8 gap-y-4 md:grid-cols-2">
          <KeyValue label="Encryption key">{secret.KmsKeyId ?? DEFAULT_ENCRYPTION_KEY}</KeyValue>
          <KeyValue label="Secret name">
            <span className="break-all">{secret.Name}</span>
          </KeyValue>
          <KeyValue label="Secret ARN">
            <span className="inline-flex max-w-full items-start gap-1">
              <span className="min-w-0 font-mono text-[13px] break-all">{secret.ARN}</span>
              <CopyButton value={secret.ARN} label="Copy secret ARN" />
            </span>
          </KeyValue>
          <KeyValue label="Secret description">
            {secret.Description ? (
              <span className="whitespace-pre-wrap">{secret.Description}</span>
            ) : (
              <span className="text-muted-foreground">-</span>
            )}
          </KeyValue>
        </dl>
      </Container>

      <Tabs value={tab} onValueChange={selectTab}>
        <TabsList aria-label="Secret">
          <TabsTrigger value="overview">Overview</TabsTrigger>
          <TabsTrigger value="rotation">Rotation</TabsTrigger>
          <TabsTrigger value="versions">Versions</TabsTrigger>
          <TabsTrigger value="tags">Tags</TabsTrigger>
          <TabsTrigger value="permissions">Resource permissions</TabsTrigger>
        </TabsList>

        <TabsContent value="overview" className="space-y-5">
          <SecretValuePanel secretId={secret.ARN} disabledReason={disabledReason} />
          <Container header={<ContainerHeader title="Dates" />}>
            <dl className="grid gap-4 sm:grid-cols-3">
              <KeyValue label="Created on (UTC)">{formatDateTime(secret.CreatedDate)}</KeyValue>
              <KeyValue label="Last changed (UTC)">
                {formatDateTime(secret.LastChangedDate)}
              </KeyValue>
              <KeyValue label="Last retrieved (UTC)">
                {formatDate(secret.LastAccessedDate)}
              </KeyValue>
            </dl>
          </Container>
        </TabsContent>

        <TabsContent value="rotation">
          <RotationPanel
            secret={secret}
            grant={rotation.grant}
            attempts={rotation.attempts}
            masterArn={rotation.masterArn}
            disabledReason={disabledReason}
          />
        </TabsContent>

        <TabsContent value="versions">
          <Container
            header={
              <ContainerHeader
                title="Versions"
                counter={versions.ok ? versions.data.length : undefined}
                description="Each change of the value creates a version; staging labels mark which one is current."
              />
            }
            bodyClassName="px-0"
          >
            {!versions.ok ? (
              <div className="px-5">
                <Alert type="error" header={versions.code}>
                  {versions.message}
                </Alert>
              </div>
            ) : versions.data.length === 0 ? (
              <p className="px-5 text-sm text-muted-foreground">This secret has no versions.</p>
            ) : (
              <Table aria-label="Versions">
                <THead>
                  <tr>
                    <TH>Version ID</TH>
                    <TH>Staging labels</TH>
                    <TH>Last accessed (UTC)</TH>
                    <TH>Created on (UTC)</TH>
                  </tr>
                </THead>
                <TBody>
                  {versions.data.map((v) => (
                    <TR key={v.VersionId}>
                      <TD className="font-mono text-[13px] break-all">{v.VersionId}</TD>
                      <TD>
                        {v.VersionStages.length === 0 ? (
                          <span className="text-muted-foreground">-</span>
                        ) : (
                          <span className="flex flex-wrap gap-1">
                            {v.VersionStages.map((stage) => (
                              <Badge key={stage} tone={stage === "AWSCURRENT" ? "blue" : "neutral"}>
                                {stage}
                              </Badge>
                            ))}
                          </span>
                        )}
                      </TD>
                      <TD>{formatDate(v.LastAccessedDate)}</TD>
                      <TD className="whitespace-nowrap">{formatDateTime(v.CreatedDate)}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </Container>
        </TabsContent>

        <TabsContent value="tags">
          <Container
            header={
              <ContainerHeader
                title="Tags"
                counter={secret.Tags.length}
                actions={
                  <DisabledReason reason={disabledReason}>
                    <Button onClick={() => setDialog("tags")}>Edit tags</Button>
                  </DisabledReason>
                }
              />
            }
            bodyClassName="px-0"
          >
            {secret.Tags.length === 0 ? (
              <p className="px-5 text-sm text-muted-foreground">
                No tags associated with the resource.
              </p>
            ) : (
              <Table aria-label="Tags">
                <THead>
                  <tr>
                    <TH className="w-1/3">Key</TH>
                    <TH>Value</TH>
                  </tr>
                </THead>
                <TBody>
                  {secret.Tags.map((tag) => (
                    <TR key={tag.Key}>
                      <TD className="break-all">{tag.Key}</TD>
                      <TD className="break-all">
                        {tag.Value || <span className="text-muted-foreground">-</span>}
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </Container>
        </TabsContent>

        <TabsContent value="permissions">
          <ResourcePolicyPanel
            secretArn={secret.ARN}
            policy={policy}
            disabledReason={disabledReason}
          />
        </TabsContent>
      </Tabs>

      <EditDescriptionDialog
        secretId={secret.ARN}
        description={secret.Description}
        open={dialog === "description"}
        onOpenChange={(o) => setDialog(o ? "description" : undefined)}
      />
      <DeleteSecretDialog
        secretId={secret.ARN}
        name={secret.Name}
        open={dialog === "delete"}
        onOpenChange={(o) => setDialog(o ? "delete" : undefined)}
        onScheduled={(date) => {
          setScheduledFor(date);
          setShowCreated(false);
        }}
      />
      <EditTagsDialog
        secretId={secret.ARN}
        tags={secret.Tags}
        open={dialog === "tags"}
        onOpenChange={(o) => setDialog(o ? "tags" : undefined)}
      />
    </div>
  );
}
