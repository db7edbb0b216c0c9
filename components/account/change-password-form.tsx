"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { matchField } from "@/components/actions/result";
import {
  type KnownPasswordPolicy,
  usePasswordPolicy,
} from "@/components/iam/account-settings/use-password-policy";
import { passwordConstraint, passwordProblem } from "@/components/iam/users/password";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { changePasswordAction } from "./actions";

/** The form's rules under the account's password policy. */
const schemaFor = (policy: KnownPasswordPolicy) =>
  z
    .object({
      OldPassword: z.string().min(1, "Enter your current password."),
      NewPassword: z.string(),
      ConfirmPassword: z.string(),
    })
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v.NewPassword, policy);
      if (problem) ctx.addIssue({ code: "custom", path: ["NewPassword"], message: problem });
      if (v.ConfirmPassword !== v.NewPassword) {
        ctx.addIssue({
          code: "custom",
          path: ["ConfirmPassword"],
          message: "The passwords don't match.",
        });
      }
    });

type Values = z.infer<ReturnType<typeof schemaFor>>;

const FIELDS = { OldPassword: "OldPassword", NewPassword: "NewPassword", Password: "NewPassword" };

export function ChangePasswordForm({
  accountId,
  userName,
  resetRequired,
}: {
  accountId: string;
  userName: string;
  /** The session waits for a new password: sign in again with it, then go on to the console. */
  resetRequired: boolean;
}) {
  const router = useRouter();
  const [error, setError] = React.useState<string>();
  const [changed, setChanged] = React.useState(false);
  const policy = usePasswordPolicy();
  // useForm takes the resolver afresh on every render: the rules follow the policy once loaded.
  const schema = React.useMemo(() => schemaFor(policy), [policy]);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { OldPassword: "", NewPassword: "", ConfirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    setChanged(false);
    const result = await changePasswordAction({
      OldPassword: values.OldPassword,
      NewPassword: values.NewPassword,
    });
    if (!result.ok) {
      const field = matchField(result.field, FIELDS) as keyof Values | undefined;
      if (field) form.setError(field, { message: result.message }, { shouldFocus: true });
      else setError(result.message);
      return;
    }
    form.reset();
    if (resetRequired) {
      // The session was issued while a reset was required: a fresh sign-in with the new password
      // replaces it.
      const again = await signIn("credentials", {
        kind: "iam",
        account: accountId,
        userName,
        password: values.NewPassword,
        redirect: false,
      });
      if (again && !again.error) {
        router.replace("/");
        router.refresh();
        return;
      }
      router.replace("/signin");
      return;
    }
    setChanged(true);
  });

  return (
    <Container>
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Change password">
        <Field id="old-password" label="Current password" error={errors.OldPassword?.message}>
          <Input
            type="password"
            autoComplete="current-password"
            {...form.register("OldPassword")}
          />
        </Field>
        <Field
          id="new-password"
          label="New password"
          constraint={passwordConstraint(policy)}
          error={errors.NewPassword?.message}
        >
          <Input type="password" autoComplete="new-password" {...form.register("NewPassword")} />
        </Field>
        <Field
          id="confirm-password"
          label="Confirm new password"
          error={errors.ConfirmPassword?.message}
        >
          <Input
            type="password"
            autoComplete="new-password"
            {...form.register("ConfirmPassword")}
          />
        </Field>
        {error ? (
          <Alert type="error" role="alert">
            {error}
          </Alert>
        ) : null}
        {changed ? (
          <Alert type="success" role="status">
            Your password has been changed. Use it the next time you sign in.
          </Alert>
        ) : null}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" loading={isSubmitting}>
            {resetRequired ? "Confirm password change" : "Change password"}
          </Button>
        </div>
      </form>
    </Container>
  );
}
