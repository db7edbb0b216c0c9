"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useAction } from "@/components/actions/use-action";
import { PolicyJsonEditor, usePolicyProblems } from "@/components/policy-editor/policy-json-editor";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorAlert } from "../error-alert";
import { pretty } from "../format";
import { roleHref } from "../paths";
import { updateTrustPolicyAction } from "./actions";

export function TrustPolicyEditor({ roleName, document }: { roleName: string; document: string }) {
  const router = useRouter();
  const [text, setText] = React.useState(() => pretty(document));
  const [touched, setTouched] = React.useState(false);
  const problems = usePolicyProblems(text, "trust");
  const action = useAction();
  const back = `${roleHref(roleName)}?tab=trust`;
  return (
    <form
      className="space-y-5"
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched(true);
        if (problems.length > 0) return;
        const result = await action.run(() => updateTrustPolicyAction(roleName, text), {
          refresh: false,
        });
        if (!result.ok) return;
        toast.success(`The trust policy of ${roleName} was updated.`);
        router.push(back);
        router.refresh();
      }}
    >
      <PageHeader
        title="Edit trust policy"
        description={
          <>
            The trust policy decides who may assume <span className="font-bold">{roleName}</span>.
            Principals it names also need sts:AssumeRole in their own policies.
          </>
        }
      />
      <PolicyJsonEditor
        id="trust-policy"
        label="Trust policy"
        value={text}
        onChange={setText}
        kind="trust"
        serverError={
          action.error?.code === "MalformedPolicyDocument" ? action.error.message : undefined
        }
      />
      {touched && problems.length > 0 ? (
        <p className="text-sm font-bold text-destructive">Fix the errors in the policy first.</p>
      ) : null}
      {action.error && action.error.code !== "MalformedPolicyDocument" ? (
        <ErrorAlert error={action.error} />
      ) : null}
      <div className="flex items-center justify-end gap-2">
        <Button variant="link" asChild className="mr-3">
          <Link href={back}>Cancel</Link>
        </Button>
        <Button type="submit" variant="primary" loading={action.pending}>
          Update policy
        </Button>
      </div>
    </form>
  );
}
