"use client";

import * as React from "react";
import Link from "next/link";
import { Download } from "lucide-react";
import type { Loaded } from "@/components/actions/result";
import { useAction } from "@/components/actions/use-action";
import { type TagRow, rowsToTags, tagRowErrors } from "@/components/secrets/tags-model";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Container, ContainerHeader, KeyValue } from "@/components/ui/container";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { RadioTiles } from "@/components/ui/radio-tiles";
import type { BatchFailure } from "../actions";
import { BoundaryChoice, useBoundaryChoice } from "../boundary/boundary-choice";
import { ErrorAlert } from "../error-alert";
import { GroupPicker } from "../group-picker";
import { policyNameFromArn, userHref } from "../paths";
import { PolicyPicker } from "../policy-picker";
import { SecretText } from "../secret-text";
import type { GroupView } from "../types";
import { signInPath, useOrigin } from "../use-origin";
import { useAdjustAttachmentCounts, useInvalidatePolicies } from "../use-policies";
import { Wizard, WizardTags, attachedCounts, useStepErrors } from "../wizard";
import { createUserAction } from "./actions";
import { ConsolePasswordFields, type PasswordMode } from "./console-access-fields";
import { usePasswordPolicy } from "../account-settings/use-password-policy";
import { downloadCsv, generatePassword, passwordProblem } from "./password";

const NAME = /^[\w+=,.@-]{1,64}$/;

type PermissionOption = "groups" | "policies";

interface Created {
  userName: string;
  password?: string;
  failed: BatchFailure[];
}

export function CreateUserWizard({
  groups,
  accountId,
}: {
  groups: Loaded<GroupView[]>;
  accountId: string;
}) {
  const adjustCounts = useAdjustAttachmentCounts();
  const invalidatePolicies = useInvalidatePolicies();
  const [step, setStep] = React.useState(0);
  const [name, setName] = React.useState("");
  const [consoleAccess, setConsoleAccess] = React.useState(false);
  const [mode, setMode] = React.useState<PasswordMode>("auto");
  const [password, setPassword] = React.useState("");
  // AWS's console asks for a new password at first sign-in unless told otherwise.
  const [resetRequired, setResetRequired] = React.useState(true);
  const [option, setOption] = React.useState<PermissionOption>("groups");
  const [chosenGroups, setChosenGroups] = React.useState<string[]>([]);
  const [policies, setPolicies] = React.useState<string[]>([]);
  const boundary = useBoundaryChoice();
  const [tags, setTags] = React.useState<TagRow[]>([]);
  const { showErrors, passes } = useStepErrors();
  const [created, setCreated] = React.useState<Created>();
  const action = useAction();

  const nameError = !name
    ? "Enter a user name."
    : !NAME.test(name)
      ? "The user name can have up to 64 characters. Valid characters: A-Z, a-z, 0-9, and + = , . @ _ - (hyphen)."
      : undefined;
  const passwordPolicy = usePasswordPolicy();
  const passwordError =
    consoleAccess && mode === "custom" ? passwordProblem(password, passwordPolicy) : undefined;
  const serverNameError =
    action.error &&
    (action.error.code === "EntityAlreadyExists" || action.error.field === "UserName")
      ? action.error.message
      : undefined;

  if (created) return <UserCreated created={created} accountId={accountId} />;

  const groupsToAdd = option === "groups" ? chosenGroups : [];
  const policiesToAttach = option === "policies" ? policies : [];
  const boundaryToSet = boundary.arn;
  const permissionCount = groupsToAdd.length + policiesToAttach.length + (boundaryToSet ? 1 : 0);

  return (
    <Wizard
      steps={[
        { title: "Specify user details" },
        { title: "Set permissions" },
        { title: "Review and create" },
      ]}
      step={step}
      onStep={setStep}
      cancelHref="/iam/users"
      finishLabel="Create user"
      finishing={action.pending}
      onNext={async () => {
        if (step === 0) return passes(nameError, passwordError);
        if (step === 1) return passes(boundary.error);
        if (!passes(Object.keys(tagRowErrors(tags)).length > 0)) return false;
        const chosenPassword = consoleAccess
          ? mode === "custom"
            ? password
            : generatePassword()
          : undefined;
        const result = await action.run(
          () =>
            createUserAction({
              UserName: name,
              Password: chosenPassword,
              PasswordResetRequired: chosenPassword ? resetRequired : undefined,
              Groups: groupsToAdd,
              PolicyArns: policiesToAttach,
              PermissionsBoundary: boundaryToSet,
              Tags: rowsToTags(tags),
            }),
          { refresh: false },
        );
        if (!result.ok) {
          if (result.error.code === "EntityAlreadyExists" || result.error.field === "UserName") {
            setStep(0);
          }
          return false;
        }
        adjustCounts(attachedCounts(policiesToAttach, result.data.failed));
        if (boundaryToSet) void invalidatePolicies();
        setCreated({
          userName: result.data.UserName,
          password: chosenPassword,
          failed: result.data.failed,
        });
        return true;
      }}
    >
      {step === 0 ? (
        <Container header={<ContainerHeader title="User details" />}>
          <div className="max-w-2xl space-y-5">
            <Field
              id="user-name"
              label="User name"
              constraint="The user name can have up to 64 characters. Valid characters: A-Z, a-z, 0-9, and + = , . @ _ - (hyphen)"
              error={(showErrors ? nameError : undefined) ?? serverNameError}
            >
              <Input
                autoComplete="off"
                spellCheck={false}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </Field>
            <label className="flex items-start gap-3">
              <Checkbox
                className="mt-0.5"
                checked={consoleAccess}
                onCheckedChange={(on) => setConsoleAccess(on === true)}
                aria-labelledby="console-access-label"
                aria-describedby="console-access-description"
              />
              <span>
                <span id="console-access-label" className="text-sm font-bold">
                  Provide user access to the Strongbox console
                </span>
                <span className="font-normal italic text-muted-foreground"> - optional</span>
                <span
                  id="console-access-description"
                  className="block text-xs text-muted-foreground"
                >
                  The user signs in with the account ID, this user name and a console password.
                </span>
              </span>
            </label>
            {consoleAccess ? (
              <ConsolePasswordFields
                mode={mode}
                onMode={setMode}
                password={password}
                onPassword={setPassword}
                error={showErrors ? passwordError : undefined}
              />
            ) : null}
            {consoleAccess ? (
              <label className="flex items-start gap-3">
                <Checkbox
                  className="mt-0.5"
                  checked={resetRequired}
                  onCheckedChange={(on) => setResetRequired(on === true)}
                  aria-labelledby="reset-required-label"
                  aria-describedby="reset-required-description"
                />
                <span>
                  <span id="reset-required-label" className="text-sm font-bold">
                    Users must create a new password at next sign-in
                  </span>
                  <span className="font-normal italic text-muted-foreground"> - Recommended</span>
                  <span
                    id="reset-required-description"
                    className="block text-xs text-muted-foreground"
                  >
                    Users automatically get the IAMUserChangePassword policy to allow them to change
                    their own password.
                  </span>
                </span>
              </label>
            ) : null}
          </div>
        </Container>
      ) : step === 1 ? (
        <>
          <Container header={<ContainerHeader title="Permissions options" />}>
            <RadioTiles
              aria-label="Permissions options"
              value={option}
              onValueChange={(v) => setOption(v as PermissionOption)}
              tiles={[
                {
                  value: "groups",
                  label: "Add user to group",
                  description:
                    "Add the user to an existing group. Groups are the recommended way to manage permissions by job function.",
                },
                {
                  value: "policies",
                  label: "Attach policies directly",
                  description:
                    "Attach a managed policy directly to the user. Prefer groups for anything but exceptions.",
                },
              ]}
            />
          </Container>
          {option === "groups" ? (
            <GroupPicker groups={groups} selected={chosenGroups} onChange={setChosenGroups} />
          ) : (
            <PolicyPicker selected={policies} onChange={setPolicies} />
          )}
          <BoundaryChoice noun="user" choice={boundary} showErrors={showErrors} />
        </>
      ) : (
        <>
          <Container header={<ContainerHeader title="User details" />}>
            <dl className="grid gap-4 sm:grid-cols-3">
              <KeyValue label="User name">{name}</KeyValue>
              <KeyValue label="Console password type">
                {consoleAccess ? (mode === "auto" ? "Autogenerated" : "Custom password") : "None"}
              </KeyValue>
              <KeyValue label="Console access">
                {consoleAccess ? "Enabled" : "Not enabled"}
              </KeyValue>
              {consoleAccess ? (
                <KeyValue label="Require password reset">{resetRequired ? "Yes" : "No"}</KeyValue>
              ) : null}
            </dl>
          </Container>
          <Container
            header={<ContainerHeader title="Permissions summary" counter={permissionCount} />}
          >
            {permissionCount === 0 ? (
              <p className="text-sm text-muted-foreground">
                The user gets no permissions: you can add them later.
              </p>
            ) : (
              <ul className="space-y-1 text-sm">
                {groupsToAdd.map((g) => (
                  <li key={g}>
                    <span className="font-bold">{g}</span>{" "}
                    <span className="text-muted-foreground">Group</span>
                  </li>
                ))}
                {policiesToAttach.map((arn) => (
                  <li key={arn}>
                    <span className="font-bold">{policyNameFromArn(arn)}</span>{" "}
                    <span className="text-muted-foreground">Permissions policy</span>
                  </li>
                ))}
                {boundaryToSet ? (
                  <li>
                    <span className="font-bold">{policyNameFromArn(boundaryToSet)}</span>{" "}
                    <span className="text-muted-foreground">Permissions boundary</span>
                  </li>
                ) : null}
              </ul>
            )}
          </Container>
          <WizardTags
            rows={tags}
            onChange={setTags}
            showErrors={showErrors}
            description="Tags travel with the user's sessions as aws:PrincipalTag, for policies to use."
          />
          {action.error && !serverNameError ? <ErrorAlert error={action.error} /> : null}
        </>
      )}
    </Wizard>
  );
}

function UserCreated({ created, accountId }: { created: Created; accountId: string }) {
  const url = `${useOrigin()}${signInPath(accountId)}`;
  return (
    <div className="space-y-5">
      <Alert type="success" header="User created successfully">
        You can view and download the user&apos;s password below, or email users instructions for
        signing in to the console. This is the last time the password is shown.
      </Alert>
      {created.failed.length > 0 ? (
        <Alert type="warning" header="Some settings were not applied">
          <ul className="mt-1 space-y-1">
            {created.failed.map((f) => (
              <li key={f.item}>
                <span className="font-bold">{f.item}</span>: {f.code}: {f.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <PageHeader title="Retrieve password" />
      <Container
        header={
          <ContainerHeader
            title="Console sign-in details"
            actions={
              created.password ? (
                <Button
                  onClick={() =>
                    downloadCsv(`${created.userName}_credentials.csv`, [
                      ["User name", "Password", "Console sign-in URL"],
                      [created.userName, created.password!, url],
                    ])
                  }
                >
                  <Download aria-hidden />
                  Download .csv file
                </Button>
              ) : undefined
            }
          />
        }
      >
        <dl className="grid gap-4 md:grid-cols-3">
          <KeyValue label="Console sign-in URL">
            {created.password ? (
              <span className="inline-flex max-w-full items-center gap-1">
                <span className="min-w-0 font-mono text-[13px] break-all">{url}</span>
                <CopyButton value={url} label="Copy console sign-in URL" />
              </span>
            ) : (
              <span className="text-muted-foreground">Console access is not enabled.</span>
            )}
          </KeyValue>
          <KeyValue label="User name">
            <span className="inline-flex items-center gap-1">
              {created.userName}
              <CopyButton value={created.userName} label="Copy user name" />
            </span>
          </KeyValue>
          <KeyValue label="Console password">
            {created.password ? (
              <SecretText value={created.password} label="console password" />
            ) : (
              "-"
            )}
          </KeyValue>
        </dl>
      </Container>
      <div className="flex justify-end gap-2">
        <Button asChild>
          <Link href="/iam/users">Return to users list</Link>
        </Button>
        <Button asChild variant="primary">
          <Link href={userHref(created.userName)}>View user</Link>
        </Button>
      </div>
    </div>
  );
}
