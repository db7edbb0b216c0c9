"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RadioTiles } from "@/components/ui/radio-tiles";

const schema = z
  .object({
    kind: z.enum(["root", "iam"]),
    email: z.string().trim(),
    account: z.string().trim(),
    userName: z.string().trim(),
    password: z.string(),
  })
  .superRefine((v, ctx) => {
    const need = (path: keyof typeof v, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (v.kind === "root" && !v.email) need("email", "Enter the root user email address.");
    if (v.kind === "iam" && !v.account) need("account", "Enter the account ID or alias.");
    if (v.kind === "iam" && !v.userName) need("userName", "Enter your IAM user name.");
    if (!v.password) need("password", "Enter your password.");
  });

type Values = z.infer<typeof schema>;

/** AWS's own wording for a failed sign-in, whatever was wrong. */
const BAD_CREDENTIALS = "Your authentication information is incorrect. Please try again.";

export function SignInForm({
  callbackUrl,
  accountId,
  initialError,
  iamAccount,
}: {
  callbackUrl: string;
  accountId: string;
  initialError?: string;
  /** From an IAM user's sign-in URL (/signin?account=...): opens on IAM user sign-in. */
  iamAccount?: string;
}) {
  const router = useRouter();
  const [error, setError] = React.useState<string | undefined>(initialError);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      kind: iamAccount ? "iam" : "root",
      email: "",
      account: iamAccount ?? accountId,
      userName: "",
      password: "",
    },
  });
  const kind = useWatch({ control: form.control, name: "kind" });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    const credentials =
      values.kind === "root"
        ? { kind: "root", email: values.email, password: values.password }
        : {
            kind: "iam",
            account: values.account,
            userName: values.userName,
            password: values.password,
          };
    const result = await signIn("credentials", { ...credentials, redirect: false });
    if (!result || result.error) {
      setError(
        !result || result.error === "CredentialsSignin"
          ? BAD_CREDENTIALS
          : (result.error ?? undefined),
      );
      form.setValue("password", "");
      form.setFocus("password");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-bold">Sign in as</legend>
        <RadioTiles
          aria-label="Sign in as"
          value={kind}
          onValueChange={(value) => {
            form.setValue("kind", value as Values["kind"]);
            form.clearErrors();
            setError(undefined);
          }}
          tiles={[
            {
              value: "root",
              label: "Root user",
              description: "Account owner that performs tasks requiring unrestricted access.",
            },
            {
              value: "iam",
              label: "IAM user",
              description: "User within an account that performs daily tasks.",
            },
          ]}
        />
      </fieldset>

      {kind === "root" ? (
        <Field id="email" label="Root user email address" error={errors.email?.message}>
          <Input
            type="email"
            autoComplete="username"
            placeholder="username@example.com"
            autoFocus
            {...form.register("email")}
          />
        </Field>
      ) : (
        <>
          <Field
            id="account"
            label="Account ID (12 digits) or account alias"
            error={errors.account?.message}
          >
            <Input autoComplete="organization" spellCheck={false} {...form.register("account")} />
          </Field>
          <Field id="userName" label="IAM user name" error={errors.userName?.message}>
            <Input
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              {...form.register("userName")}
            />
          </Field>
        </>
      )}

      <Field id="password" label="Password" error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>

      {error ? (
        <Alert type="error" role="alert">
          {error}
        </Alert>
      ) : null}

      <Button type="submit" variant="primary" className="w-full" size="lg" loading={isSubmitting}>
        Sign in
      </Button>
    </form>
  );
}
