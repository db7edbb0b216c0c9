"use client";
// A user's Security credentials tab: console password and access keys. A new access key's secret
// is shown once, in the dialog that created it, with copy and a .csv download; closing forgets it.
import * as React from "react";
import { toast } from "sonner";
import { Download, KeyRound, MoreVertical } from "lucide-react";
import type { Loaded } from "@/components/actions/result";
import { useAction } from "@/components/actions/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
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
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { RadioTiles } from "@/components/ui/radio-tiles";
import { StatusIndicator } from "@/components/ui/status";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { EmptyRow } from "../client-list";
import { ConfirmDialog } from "../confirm-dialog";
import { ErrorAlert } from "../error-alert";
import { formatAge, formatDateTime, formatShortDateTime } from "../format";
import { SecretText } from "../secret-text";
import type { AccessKeyView, Hints, LoginProfileView, UserView } from "../types";
import {
  createAccessKeyAction,
  deleteAccessKeyAction,
  disableConsoleAccessAction,
  setConsolePasswordAction,
  updateAccessKeyAction,
} from "./actions";
import { ConsolePasswordFields, type PasswordMode } from "./console-access-fields";
import { usePasswordPolicy } from "../account-settings/use-password-policy";
import { downloadCsv, generatePassword, passwordProblem } from "./password";

export type CredentialHint =
  "createKey" | "updateKey" | "deleteKey" | "createLogin" | "updateLogin" | "deleteLogin";

const MAX_KEYS = 2;

export function SecurityCredentials({
  user,
  loginProfile,
  accessKeys,
  hints,
  signInUrl,
}: {
  user: UserView;
  loginProfile: Loaded<LoginProfileView | null>;
  accessKeys: Loaded<AccessKeyView[]>;
  hints: Hints<CredentialHint>;
  signInUrl: string;
}) {
  return (
    <div className="space-y-5">
      <ConsoleSignIn user={user} loginProfile={loginProfile} hints={hints} signInUrl={signInUrl} />
      <AccessKeys user={user} accessKeys={accessKeys} hints={hints} />
    </div>
  );
}

function ConsoleSignIn({
  user,
  loginProfile,
  hints,
  signInUrl,
}: {
  user: UserView;
  loginProfile: Loaded<LoginProfileView | null>;
  hints: Hints<CredentialHint>;
  signInUrl: string;
}) {
  const [open, setOpen] = React.useState(false);
  const enabled = loginProfile.ok && loginProfile.data !== null;
  return (
    <Container
      header={
        <ContainerHeader
          title="Console sign-in"
          actions={
            loginProfile.ok ? (
              <DisabledReason reason={enabled ? hints.updateLogin : hints.createLogin}>
                <Button onClick={() => setOpen(true)}>
                  {enabled ? "Manage console access" : "Enable console access"}
                </Button>
              </DisabledReason>
            ) : undefined
          }
        />
      }
    >
      {!loginProfile.ok ? (
        <ErrorAlert error={loginProfile} />
      ) : (
        <dl className="grid gap-4 md:grid-cols-3">
          <KeyValue label="Console sign-in link">
            <span className="inline-flex max-w-full items-center gap-1">
              <span className="min-w-0 font-mono text-[13px] break-all">{signInUrl}</span>
              <CopyButton value={signInUrl} label="Copy console sign-in link" />
            </span>
          </KeyValue>
          <KeyValue label="Console password">
            {loginProfile.data ? (
              <StatusIndicator type="success">
                <span suppressHydrationWarning>
                  Enabled (set {formatAge(loginProfile.data.CreateDate).toLowerCase()})
                </span>
              </StatusIndicator>
            ) : (
              <StatusIndicator type="stopped">Not enabled</StatusIndicator>
            )}
          </KeyValue>
          <KeyValue label="Last console sign-in">
            {user.PasswordLastUsed ? (
              <time
                dateTime={user.PasswordLastUsed}
                title={formatDateTime(user.PasswordLastUsed)}
                suppressHydrationWarning
              >
                {formatAge(user.PasswordLastUsed)}
              </time>
            ) : (
              "Never"
            )}
          </KeyValue>
        </dl>
      )}
      <ConsoleAccessDialog
        user={user}
        enabled={enabled}
        open={open}
        onOpenChange={setOpen}
        deleteHint={hints.deleteLogin}
      />
    </Container>
  );
}

function ConsoleAccessDialog({
  user,
  enabled,
  open,
  onOpenChange,
  deleteHint,
}: {
  user: UserView;
  enabled: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  deleteHint?: string;
}) {
  const [choice, setChoice] = React.useState<"enable" | "disable">("enable");
  const [mode, setMode] = React.useState<PasswordMode>("auto");
  const [password, setPassword] = React.useState("");
  const [resetRequired, setResetRequired] = React.useState(false);
  const [touched, setTouched] = React.useState(false);
  const [shown, setShown] = React.useState<string>();
  const action = useAction();
  const passwordPolicy = usePasswordPolicy();
  const problem = mode === "custom" ? passwordProblem(password, passwordPolicy) : undefined;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (o) {
          setChoice("enable");
          setMode("auto");
          setPassword("");
          setResetRequired(false);
          setTouched(false);
          setShown(undefined);
        }
        action.setError(undefined);
        onOpenChange(o);
      }}
    >
      <DialogContent>
        {shown ? (
          <>
            <DialogHeader>
              <DialogTitle>Console password</DialogTitle>
              <DialogDescription>
                This is the only time the password is shown. Copy it or download it now.
              </DialogDescription>
            </DialogHeader>
            <DialogBody>
              <dl className="grid gap-3">
                <KeyValue label="User name">{user.UserName}</KeyValue>
                <KeyValue label="Console password">
                  <SecretText value={shown} label="console password" />
                </KeyValue>
              </dl>
            </DialogBody>
            <DialogFooter>
              <Button
                onClick={() =>
                  downloadCsv(`${user.UserName}_credentials.csv`, [
                    ["User name", "Password"],
                    [user.UserName, shown],
                  ])
                }
              >
                <Download aria-hidden />
                Download .csv file
              </Button>
              <DialogClose asChild>
                <Button variant="primary">Close</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              setTouched(true);
              if (choice === "disable") {
                const result = await action.run(() => disableConsoleAccessAction(user.UserName));
                if (result.ok) {
                  toast.success(`Console access for ${user.UserName} was disabled.`);
                  onOpenChange(false);
                }
                return;
              }
              if (problem) return;
              const chosen = mode === "custom" ? password : generatePassword();
              const result = await action.run(() =>
                setConsolePasswordAction(user.UserName, chosen, enabled, resetRequired),
              );
              if (!result.ok) return;
              toast.success(
                enabled
                  ? `The console password of ${user.UserName} was reset.`
                  : `Console access for ${user.UserName} was enabled.`,
              );
              if (mode === "auto") setShown(chosen);
              else onOpenChange(false);
            }}
          >
            <DialogHeader>
              <DialogTitle>
                {enabled ? "Manage console access" : "Enable console access"}
              </DialogTitle>
              <DialogDescription>
                The user signs in to the console with the account ID, the user name{" "}
                <span className="font-bold">{user.UserName}</span> and this password.
              </DialogDescription>
            </DialogHeader>
            <DialogBody>
              {enabled ? (
                <RadioTiles
                  aria-label="Console access"
                  value={choice}
                  onValueChange={(v) => setChoice(v as "enable" | "disable")}
                  tiles={[
                    {
                      value: "enable",
                      label: "Reset password",
                      description: "Set a new console password.",
                    },
                    {
                      value: "disable",
                      label: "Disable console access",
                      description: "The user can no longer sign in; access keys keep working.",
                      disabled: !!deleteHint,
                    },
                  ]}
                />
              ) : null}
              {choice === "enable" ? (
                <ConsolePasswordFields
                  idPrefix="manage"
                  mode={mode}
                  onMode={setMode}
                  password={password}
                  onPassword={setPassword}
                  error={touched ? problem : undefined}
                />
              ) : null}
              {choice === "enable" ? (
                <label className="flex items-start gap-3">
                  <Checkbox
                    className="mt-0.5"
                    checked={resetRequired}
                    onCheckedChange={(on) => setResetRequired(on === true)}
                    aria-labelledby="manage-reset-required-label"
                    aria-describedby="manage-reset-required-description"
                  />
                  <span>
                    <span id="manage-reset-required-label" className="text-sm font-bold">
                      User must create a new password at next sign-in
                    </span>
                    <span
                      id="manage-reset-required-description"
                      className="block text-xs text-muted-foreground"
                    >
                      Users automatically get the IAMUserChangePassword policy to allow them to
                      change their own password.
                    </span>
                  </span>
                </label>
              ) : null}
              {deleteHint && enabled ? (
                <p className="text-xs text-muted-foreground">
                  Disabling console access: {deleteHint}.
                </p>
              ) : null}
              <ErrorAlert error={action.error} />
            </DialogBody>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="link" className="mr-3">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" variant="primary" loading={action.pending}>
                {choice === "disable" ? "Disable access" : enabled ? "Reset password" : "Enable"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

function AccessKeys({
  user,
  accessKeys,
  hints,
}: {
  user: UserView;
  accessKeys: Loaded<AccessKeyView[]>;
  hints: Hints<CredentialHint>;
}) {
  const [creating, setCreating] = React.useState(false);
  const [deleting, setDeleting] = React.useState<AccessKeyView>();
  const action = useAction();
  const keys = accessKeys.ok ? accessKeys.data : [];
  const full = keys.length >= MAX_KEYS;
  return (
    <Container
      header={
        <ContainerHeader
          title="Access keys"
          counter={accessKeys.ok ? keys.length : undefined}
          description="Access keys sign requests to the AWS API from the AWS CLI and SDKs. A user can have at most two."
          actions={
            <DisabledReason
              reason={
                hints.createKey ??
                (full ? `A user can have at most ${MAX_KEYS} access keys.` : undefined)
              }
            >
              <Button onClick={() => setCreating(true)}>Create access key</Button>
            </DisabledReason>
          }
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <ErrorAlert error={accessKeys.ok ? action.error : accessKeys} className="mx-5 mb-3" />
      <Table aria-label="Access keys">
        <THead>
          <tr>
            <TH>Access key ID</TH>
            <TH>Status</TH>
            <TH>Created (UTC)</TH>
            <TH>Last used</TH>
            <TH>Last used service</TH>
            <TH className="text-right">
              <span className="sr-only">Actions</span>
            </TH>
          </tr>
        </THead>
        <TBody>
          {keys.map((key) => (
            <TR key={key.AccessKeyId}>
              <TD className="font-mono text-[13px]">
                <span className="inline-flex items-center gap-1">
                  {key.AccessKeyId}
                  <CopyButton value={key.AccessKeyId} label={`Copy ${key.AccessKeyId}`} />
                </span>
              </TD>
              <TD>
                {key.Status === "Active" ? (
                  <StatusIndicator type="success">Active</StatusIndicator>
                ) : (
                  <StatusIndicator type="stopped">Inactive</StatusIndicator>
                )}
              </TD>
              <TD className="whitespace-nowrap">{formatShortDateTime(key.CreateDate)}</TD>
              <TD className="whitespace-nowrap" suppressHydrationWarning>
                {formatAge(key.LastUsedDate)}
              </TD>
              <TD>
                {key.LastUsedService && key.LastUsedService !== "N/A" ? key.LastUsedService : "-"}
              </TD>
              <TD className="text-right">
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button size="sm" aria-label={`Actions for ${key.AccessKeyId}`}>
                      Actions
                      <MoreVertical aria-hidden />
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent>
                    <DropdownMenuItem
                      disabled={!!hints.updateKey}
                      onSelect={async () => {
                        const next = key.Status === "Active" ? "Inactive" : "Active";
                        const result = await action.run(() =>
                          updateAccessKeyAction(user.UserName, key.AccessKeyId, next),
                        );
                        if (result.ok) {
                          toast.success(
                            `${key.AccessKeyId} was ${next === "Active" ? "activated" : "deactivated"}.`,
                          );
                        }
                      }}
                    >
                      {key.Status === "Active" ? "Deactivate" : "Activate"}
                    </DropdownMenuItem>
                    <DropdownMenuItem
                      disabled={!!hints.deleteKey}
                      onSelect={() => setDeleting(key)}
                    >
                      Delete
                    </DropdownMenuItem>
                  </DropdownMenuContent>
                </DropdownMenu>
              </TD>
            </TR>
          ))}
          {accessKeys.ok && keys.length === 0 ? (
            <EmptyRow
              colSpan={6}
              title="No access keys"
              body="Create an access key for programmatic access (AWS CLI, SDKs) as this user."
            />
          ) : null}
        </TBody>
      </Table>
      <CreateAccessKeyDialog user={user} open={creating} onOpenChange={setCreating} />
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(o) => !o && setDeleting(undefined)}
        title={`Delete ${deleting?.AccessKeyId ?? ""}?`}
        description="Requests signed with this access key are refused from now on. This can't be undone."
        confirmLabel="Delete"
        confirmText={deleting?.AccessKeyId}
        onConfirm={async () => {
          const result = await deleteAccessKeyAction(user.UserName, deleting!.AccessKeyId);
          if (result.ok) toast.success(`${deleting!.AccessKeyId} was deleted.`);
          return result;
        }}
      >
        {deleting?.Status === "Active" ? (
          <Alert type="warning">
            This access key is active. Applications that use it stop working. Deactivate it first to
            check that nothing still needs it.
          </Alert>
        ) : null}
      </ConfirmDialog>
    </Container>
  );
}

function CreateAccessKeyDialog({
  user,
  open,
  onOpenChange,
}: {
  user: UserView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [created, setCreated] = React.useState<{ AccessKeyId: string; SecretAccessKey: string }>();
  const action = useAction();
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        // The secret is held only while the dialog is open.
        setCreated(undefined);
        action.setError(undefined);
        onOpenChange(o);
      }}
    >
      <DialogContent size="lg">
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>Retrieve access keys</DialogTitle>
              <DialogDescription>
                Access key created for <span className="font-bold">{user.UserName}</span>.
              </DialogDescription>
            </DialogHeader>
            <DialogBody>
              <Alert
                type="warning"
                header="This is the only time the secret access key can be viewed or downloaded"
              >
                You can&apos;t recover it later. You can create a new access key any time.
              </Alert>
              <Table aria-label="Access key">
                <THead>
                  <tr>
                    <TH>Access key</TH>
                    <TH>Secret access key</TH>
                  </tr>
                </THead>
                <TBody>
                  <TR>
                    <TD className="font-mono text-[13px]">
                      <span className="inline-flex items-center gap-1">
                        {created.AccessKeyId}
                        <CopyButton value={created.AccessKeyId} label="Copy access key ID" />
                      </span>
                    </TD>
                    <TD>
                      <SecretText value={created.SecretAccessKey} label="secret access key" />
                    </TD>
                  </TR>
                </TBody>
              </Table>
            </DialogBody>
            <DialogFooter>
              <Button
                onClick={() =>
                  downloadCsv(`${user.UserName}_accessKeys.csv`, [
                    ["Access key ID", "Secret access key"],
                    [created.AccessKeyId, created.SecretAccessKey],
                  ])
                }
              >
                <Download aria-hidden />
                Download .csv file
              </Button>
              <DialogClose asChild>
                <Button variant="primary">Done</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              const result = await action.run(() => createAccessKeyAction(user.UserName));
              if (result.ok) setCreated(result.data);
            }}
          >
            <DialogHeader>
              <DialogTitle>Create access key</DialogTitle>
              <DialogDescription>
                For the AWS CLI and SDKs. The secret access key is shown once, right after it is
                created.
              </DialogDescription>
            </DialogHeader>
            <DialogBody>
              <Alert type="info" header="Best practices">
                Never store your access key in plain text or in a code repository. Prefer roles with
                temporary credentials where you can, deactivate keys you no longer use, and rotate
                the rest regularly.
              </Alert>
              <ErrorAlert error={action.error} />
            </DialogBody>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="link" className="mr-3">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" variant="primary" loading={action.pending}>
                <KeyRound aria-hidden />
                Create access key
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
