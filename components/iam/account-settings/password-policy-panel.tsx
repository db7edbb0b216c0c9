"use client";

import * as React from "react";
import { toast } from "sonner";
import { matchField } from "@/components/actions/result";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Container, ContainerHeader } from "@/components/ui/container";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type {
  PasswordPolicy,
  UpdateAccountPasswordPolicyInput,
} from "@/lib/ops/iam/password-policy";
import { ConfirmDialog } from "../confirm-dialog";
import { ErrorAlert } from "../error-alert";
import { deletePasswordPolicyAction, updatePasswordPolicyAction } from "./actions";

const SYMBOLS = "! @ # $ % ^ & * ( ) _ + - = [ ] { } | '";

/** The rules a policy sets, in the console's words (the default when none is set). */
export function policyRules(policy: PasswordPolicy | null): string[] {
  if (!policy) {
    return [
      "Password minimum length: 8 characters",
      "Include a minimum of three of the following mix of character types: uppercase, lowercase, numbers, and non-alphanumeric characters",
      "Never expire password",
    ];
  }
  const rules = [`Password minimum length: ${policy.MinimumPasswordLength} characters`];
  if (policy.RequireUppercaseCharacters) {
    rules.push("Require at least one uppercase letter from the Latin alphabet (A-Z)");
  }
  if (policy.RequireLowercaseCharacters) {
    rules.push("Require at least one lowercase letter from the Latin alphabet (a-z)");
  }
  if (policy.RequireNumbers) rules.push("Require at least one number");
  if (policy.RequireSymbols) {
    rules.push(`Require at least one non-alphanumeric character (${SYMBOLS})`);
  }
  rules.push(
    policy.MaxPasswordAge
      ? `Expire passwords in ${policy.MaxPasswordAge} day(s)`
      : "Never expire password",
  );
  if (policy.HardExpiry) rules.push("Password expiration requires administrator reset");
  if (policy.AllowUsersToChangePassword) rules.push("Allow users to change their own password");
  if (policy.PasswordReusePrevention) {
    rules.push(`Prevent password reuse: remember ${policy.PasswordReusePrevention} password(s)`);
  }
  return rules;
}

export function PasswordPolicyPanel({ policy }: { policy: PasswordPolicy | null }) {
  const [editing, setEditing] = React.useState(false);
  const [deleting, setDeleting] = React.useState(false);
  if (editing) return <PasswordPolicyForm policy={policy} onClose={() => setEditing(false)} />;
  return (
    <Container
      aria-labelledby="password-policy-heading"
      header={
        <ContainerHeader
          id="password-policy-heading"
          title="Password policy"
          description={
            policy
              ? "IAM user passwords in this account must meet this custom password policy."
              : "This account uses the following default password policy."
          }
          actions={
            <>
              {policy ? <Button onClick={() => setDeleting(true)}>Delete</Button> : null}
              <Button onClick={() => setEditing(true)}>Edit</Button>
            </>
          }
        />
      }
    >
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {policyRules(policy).map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title="Delete the password policy?"
        description="IAM user passwords will follow the default password policy again."
        confirmLabel="Delete"
        onConfirm={deletePasswordPolicyAction}
      />
    </Container>
  );
}

const FIELDS = {
  MinimumPasswordLength: "minimum",
  MaxPasswordAge: "maxAge",
  PasswordReusePrevention: "reuse",
};

function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

function PasswordPolicyForm({
  policy,
  onClose,
}: {
  policy: PasswordPolicy | null;
  onClose: () => void;
}) {
  const [minimum, setMinimum] = React.useState(String(policy?.MinimumPasswordLength ?? 8));
  const [upper, setUpper] = React.useState(policy?.RequireUppercaseCharacters ?? false);
  const [lower, setLower] = React.useState(policy?.RequireLowercaseCharacters ?? false);
  const [numbers, setNumbers] = React.useState(policy?.RequireNumbers ?? false);
  const [symbols, setSymbols] = React.useState(policy?.RequireSymbols ?? false);
  const [expire, setExpire] = React.useState(policy?.ExpirePasswords ?? false);
  const [maxAge, setMaxAge] = React.useState(String(policy?.MaxPasswordAge ?? 90));
  const [hardExpiry, setHardExpiry] = React.useState(policy?.HardExpiry ?? false);
  const [allowChange, setAllowChange] = React.useState(policy?.AllowUsersToChangePassword ?? false);
  const [preventReuse, setPreventReuse] = React.useState(!!policy?.PasswordReusePrevention);
  const [reuse, setReuse] = React.useState(String(policy?.PasswordReusePrevention ?? 5));
  const [touched, setTouched] = React.useState(false);
  const action = useAction();

  const local = {
    minimum: wholeNumber(minimum) === undefined ? "Enter a whole number from 6 to 128." : undefined,
    maxAge:
      expire && wholeNumber(maxAge) === undefined
        ? "Enter a whole number of days from 1 to 1095."
        : undefined,
    reuse:
      preventReuse && wholeNumber(reuse) === undefined
        ? "Enter a whole number from 1 to 24."
        : undefined,
  };
  const serverField = matchField(action.error?.field, FIELDS);
  const errorFor = (name: keyof typeof local) =>
    (touched ? local[name] : undefined) ??
    (serverField === name ? action.error?.message : undefined);

  const checkbox = (
    id: string,
    label: string,
    checked: boolean,
    onChange: (on: boolean) => void,
  ) => (
    <label className="flex items-start gap-3 text-sm" key={id}>
      <Checkbox
        className="mt-0.5"
        checked={checked}
        onCheckedChange={(on) => onChange(on === true)}
        aria-labelledby={`${id}-label`}
      />
      <span id={`${id}-label`}>{label}</span>
    </label>
  );

  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setTouched(true);
        if (Object.values(local).some(Boolean)) return;
        const input: UpdateAccountPasswordPolicyInput = {
          MinimumPasswordLength: wholeNumber(minimum),
          RequireUppercaseCharacters: upper,
          RequireLowercaseCharacters: lower,
          RequireNumbers: numbers,
          RequireSymbols: symbols,
          AllowUsersToChangePassword: allowChange,
          HardExpiry: expire ? hardExpiry : false,
          ...(expire ? { MaxPasswordAge: wholeNumber(maxAge) } : {}),
          ...(preventReuse ? { PasswordReusePrevention: wholeNumber(reuse) } : {}),
        };
        const result = await action.run(() => updatePasswordPolicyAction(input));
        if (result.ok) {
          toast.success("The password policy was updated.");
          onClose();
        }
      }}
    >
      <Container
        aria-labelledby="edit-password-policy-heading"
        header={
          <ContainerHeader
            id="edit-password-policy-heading"
            title="Edit password policy"
            description="IAM user passwords must meet the rules you choose here."
          />
        }
        footer={
          <div className="flex justify-end gap-3">
            <Button type="button" variant="link" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" loading={action.pending}>
              Save changes
            </Button>
          </div>
        }
      >
        <div className="grid max-w-2xl gap-5">
          <Field
            id="password-minimum-length"
            label="Password minimum length"
            constraint="Needs to be between 6 and 128 characters."
            error={errorFor("minimum")}
          >
            <Input
              inputMode="numeric"
              value={minimum}
              onChange={(e) => setMinimum(e.target.value)}
            />
          </Field>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-bold">Password strength</legend>
            {checkbox(
              "require-uppercase",
              "Require at least one uppercase letter from the Latin alphabet (A-Z)",
              upper,
              setUpper,
            )}
            {checkbox(
              "require-lowercase",
              "Require at least one lowercase letter from the Latin alphabet (a-z)",
              lower,
              setLower,
            )}
            {checkbox("require-numbers", "Require at least one number", numbers, setNumbers)}
            {checkbox(
              "require-symbols",
              `Require at least one non-alphanumeric character (${SYMBOLS})`,
              symbols,
              setSymbols,
            )}
          </fieldset>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-bold">Other requirements</legend>
            {checkbox("expire-passwords", "Turn on password expiration", expire, setExpire)}
            {expire ? (
              <div className="ml-7 grid gap-2">
                <Field
                  id="max-password-age"
                  label="Expiration period (in days)"
                  constraint="Needs to be between 1 and 1095 days."
                  error={errorFor("maxAge")}
                >
                  <Input
                    inputMode="numeric"
                    value={maxAge}
                    onChange={(e) => setMaxAge(e.target.value)}
                  />
                </Field>
                {checkbox(
                  "hard-expiry",
                  "Password expiration requires administrator reset",
                  hardExpiry,
                  setHardExpiry,
                )}
              </div>
            ) : null}
            {checkbox(
              "allow-change",
              "Allow users to change their own password",
              allowChange,
              setAllowChange,
            )}
            {checkbox("prevent-reuse", "Prevent password reuse", preventReuse, setPreventReuse)}
            {preventReuse ? (
              <div className="ml-7">
                <Field
                  id="password-reuse-prevention"
                  label="Remember passwords"
                  constraint="Needs to be between 1 and 24 passwords."
                  error={errorFor("reuse")}
                >
                  <Input
                    inputMode="numeric"
                    value={reuse}
                    onChange={(e) => setReuse(e.target.value)}
                  />
                </Field>
              </div>
            ) : null}
          </fieldset>
          {action.error && !serverField ? <ErrorAlert error={action.error} /> : null}
        </div>
      </Container>
    </form>
  );
}
