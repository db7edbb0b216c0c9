"use client";
// A secret's Rotation tab: its rotation configuration with "Rotate secret immediately" and "Edit
// rotation", the master-secret step while it is missing, and the rotation history (refreshed
// while a rotation runs, since rotations run asynchronously, as in AWS).
import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { Loaded } from "@/components/actions/result";
import { useAction } from "@/components/actions/use-action";
import { formatDateTime } from "@/components/secrets/format";
import { Alert } from "@/components/ui/alert";
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
import { StatusIndicator } from "@/components/ui/status";
import type { RotationRules } from "@/lib/rotation/schedule";
import { listRotationAttemptsAction, rotateNowAction } from "./actions";
import { EditRotationDialog } from "./edit-rotation-dialog";
import { MasterSecretGrantAlert } from "./master-secret-grant-alert";
import { functionHref } from "./paths";
import { RotationHistory } from "./rotation-history";
import type { MasterSecretGrantView, RotationAttemptView } from "./types";

export interface RotationPanelSecret {
  ARN: string;
  Name: string;
  RotationEnabled: boolean;
  RotationLambdaARN?: string;
  RotationRules?: RotationRules;
  LastRotatedDate?: string;
  NextRotationDate?: string;
}

const functionName = (arn: string) => arn.split(":function:")[1] ?? arn;

function rulesText(rules: RotationRules | undefined): string {
  if (!rules) return "-";
  const base = rules.ScheduleExpression
    ? rules.ScheduleExpression
    : `Every ${rules.AutomaticallyAfterDays} ${rules.AutomaticallyAfterDays === 1 ? "day" : "days"}`;
  return rules.Duration ? `${base} (window ${rules.Duration})` : base;
}

/** Polls the history until an attempt that began after `since` has ended (or a minute passed). */
function useHistory(secretId: string, initial: Loaded<RotationAttemptView[]>) {
  const router = useRouter();
  const [attempts, setAttempts] = React.useState(initial);
  const [since, setSince] = React.useState<number>();
  // A server refresh brings a newer history: adopt it (React's "adjust state on prop change").
  const [seen, setSeen] = React.useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setAttempts(initial);
  }
  const running = attempts.ok && attempts.data[0]?.Status === "InProgress";
  React.useEffect(() => {
    if (since === undefined && !running) return;
    const started = Date.now();
    let stopped = false;
    const timer = setInterval(async () => {
      if (stopped) return;
      const result = await listRotationAttemptsAction(secretId);
      if (stopped) return;
      const next: Loaded<RotationAttemptView[]> = result.ok
        ? { ok: true, data: result.data }
        : { ok: false, code: result.code, message: result.message };
      setAttempts(next);
      const latest = result.ok ? result.data[0] : undefined;
      const done =
        !!latest &&
        latest.Status !== "InProgress" &&
        (since === undefined || new Date(latest.EndedAt ?? latest.StartedAt).getTime() >= since);
      if (done || !result.ok || Date.now() - started > 60_000) {
        stopped = true;
        clearInterval(timer);
        setSince(undefined);
        router.refresh();
      }
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [since, running, secretId, router]);
  // Skew between the browser's clock and the server's is allowed for.
  const watch = React.useCallback(() => setSince(Date.now() - 5_000), []);
  return { attempts, watch };
}

export function RotationPanel({
  secret,
  grant,
  attempts,
  disabledReason,
  masterArn,
}: {
  secret: RotationPanelSecret;
  grant: MasterSecretGrantView | undefined;
  attempts: Loaded<RotationAttemptView[]>;
  disabledReason?: string;
  masterArn?: string;
}) {
  const [dialog, setDialog] = React.useState<"edit" | "rotate">();
  const [savedGrant, setSavedGrant] = React.useState<MasterSecretGrantView>();
  const [signingSecret, setSigningSecret] = React.useState<string>();
  const [cancelNote, setCancelNote] = React.useState<string>();
  const history = useHistory(secret.ARN, attempts);
  const rotate = useAction();
  const [seenGrant, setSeenGrant] = React.useState(grant);
  if (seenGrant !== grant) {
    setSeenGrant(grant);
    setSavedGrant(undefined);
  }
  const shownGrant = savedGrant ?? grant;

  return (
    <div className="space-y-5">
      {shownGrant && !shownGrant.Granted ? (
        <MasterSecretGrantAlert
          secretId={secret.ARN}
          grant={shownGrant}
          onGranted={() => setSavedGrant({ ...shownGrant, Granted: true })}
        />
      ) : null}
      {signingSecret ? (
        <Alert
          type="warning"
          header="Save the endpoint's signing secret now"
          onDismiss={() => setSigningSecret(undefined)}
        >
          The rotation function signs each request to your endpoint with this secret (SigV4). It is
          shown only once.
          <span className="mt-1 flex items-center gap-1">
            <span className="font-mono text-[13px] break-all">{signingSecret}</span>
            <CopyButton value={signingSecret} label="Copy signing secret" />
          </span>
        </Alert>
      ) : null}
      {cancelNote ? (
        <Alert type="warning" onDismiss={() => setCancelNote(undefined)}>
          {cancelNote}
        </Alert>
      ) : null}

      <Container
        header={
          <ContainerHeader
            title="Rotation configuration"
            actions={
              <>
                <DisabledReason
                  reason={
                    disabledReason ??
                    (secret.RotationLambdaARN ? undefined : "Configure rotation first")
                  }
                >
                  <Button onClick={() => setDialog("rotate")}>Rotate secret immediately</Button>
                </DisabledReason>
                <DisabledReason reason={disabledReason}>
                  <Button onClick={() => setDialog("edit")}>Edit rotation</Button>
                </DisabledReason>
              </>
            }
          />
        }
      >
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <KeyValue label="Rotation status">
            {secret.RotationEnabled ? (
              <StatusIndicator type="success">Enabled</StatusIndicator>
            ) : (
              <StatusIndicator type="stopped">Disabled</StatusIndicator>
            )}
          </KeyValue>
          <KeyValue label="Rotation schedule">{rulesText(secret.RotationRules)}</KeyValue>
          <KeyValue label="Rotation function">
            {secret.RotationLambdaARN ? (
              <Link
                href={functionHref(functionName(secret.RotationLambdaARN))}
                className="font-bold break-all text-link hover:underline"
              >
                {functionName(secret.RotationLambdaARN)}
              </Link>
            ) : (
              "-"
            )}
          </KeyValue>
          <KeyValue label="Last rotated date (UTC)">
            {formatDateTime(secret.LastRotatedDate)}
          </KeyValue>
          <KeyValue label="Next rotation date (UTC)">
            {formatDateTime(secret.NextRotationDate)}
          </KeyValue>
        </dl>
      </Container>

      <Container
        header={
          <ContainerHeader
            title="Rotation history"
            description="Each rotation attempt with its steps (createSecret, setSecret, testSecret, finishSecret), newest first."
          />
        }
        bodyClassName="px-0"
      >
        <div className="px-5">
          <RotationHistory attempts={history.attempts} />
        </div>
      </Container>

      <EditRotationDialog
        secret={secret}
        masterArn={masterArn}
        open={dialog === "edit"}
        onOpenChange={(o) => setDialog(o ? "edit" : undefined)}
        onSaved={(result) => {
          setSavedGrant(result.Grant);
          setSigningSecret(result.SigningSecret);
          setCancelNote(result.Message);
          if (result.VersionId) history.watch();
        }}
      />

      <Dialog
        open={dialog === "rotate"}
        onOpenChange={(o) => {
          rotate.setError(undefined);
          setDialog(o ? "rotate" : undefined);
        }}
      >
        <DialogContent>
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              const result = await rotate.run(() => rotateNowAction(secret.ARN));
              if (result.ok) {
                toast.success(`Rotation of ${secret.Name} has started.`);
                setDialog(undefined);
                history.watch();
              }
            }}
          >
            <DialogHeader>
              <DialogTitle>Rotate secret immediately</DialogTitle>
              <DialogDescription>
                Rotate <span className="break-all">{secret.Name}</span> now, with the rotation
                function {secret.RotationLambdaARN ? functionName(secret.RotationLambdaARN) : "-"}.
              </DialogDescription>
            </DialogHeader>
            <DialogBody>
              <p className="text-sm">
                The function creates a new version (AWSPENDING), sets it in the database or service,
                tests it and makes it AWSCURRENT. Applications that read the secret get the new
                value from then on; the old one stays as AWSPREVIOUS. A rotation that did not finish
                is resumed.
              </p>
              {rotate.error ? (
                <Alert type="error" role="alert" header={rotate.error.code}>
                  <span className="break-words">{rotate.error.message}</span>
                </Alert>
              ) : null}
            </DialogBody>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="link" className="mr-3">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" variant="primary" loading={rotate.pending}>
                Rotate
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
