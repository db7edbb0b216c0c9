"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { setupRootUserAction } from "./actions";

const MIN_PASSWORD = 8;

const schema = z
  .object({
    email: z.string().trim().email("Enter a valid email address."),
    password: z
      .string()
      .min(MIN_PASSWORD, `The root password must be ${MIN_PASSWORD} to 128 characters long.`)
      .max(128, `The root password must be ${MIN_PASSWORD} to 128 characters long.`),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The passwords don't match.",
  });

type Values = z.infer<typeof schema>;

export function SetupForm({ accountId }: { accountId: string }) {
  const router = useRouter();
  const [error, setError] = React.useState<string>();
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: "", password: "", confirm: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    const result = await setupRootUserAction({ email: values.email, password: values.password });
    if (!result.ok) {
      if (result.field === "email" || result.field === "password") {
        form.setError(result.field, { message: result.message });
      } else if (result.code === "InvalidRequestException") {
        // Someone finished setup first: the only way on is to sign in.
        router.replace("/signin");
      } else {
        setError(result.message);
      }
      return;
    }
    const signedIn = await signIn("credentials", {
      kind: "root",
      email: values.email,
      password: values.password,
      redirect: false,
    });
    router.replace(signedIn?.ok ? "/secrets" : "/signin");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <div className="rounded-lg bg-muted px-4 py-3 text-sm">
        <div className="text-muted-foreground">Account ID</div>
        <div className="font-mono font-bold">{accountId}</div>
      </div>
      <Field
        id="email"
        label="Root user email address"
        description="You sign in as the root user with this address."
        error={errors.email?.message}
      >
        <Input type="email" autoComplete="username" autoFocus {...form.register("email")} />
      </Field>
      <Field
        id="password"
        label="Root user password"
        constraint={`${MIN_PASSWORD} to 128 characters.`}
        error={errors.password?.message}
      >
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Field id="confirm" label="Confirm root user password" error={errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      {error ? (
        <Alert type="error" role="alert">
          {error}
        </Alert>
      ) : null}
      <Button type="submit" variant="primary" size="lg" className="w-full" loading={isSubmitting}>
        Create root user
      </Button>
    </form>
  );
}
