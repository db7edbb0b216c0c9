"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { Loaded } from "@/components/actions/result";
import { useAction } from "@/components/actions/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container, ContainerHeader } from "@/components/ui/container";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import type { BatchFailure } from "../actions";
import { ErrorAlert } from "../error-alert";
import { NamePicker, type PickItem } from "../name-picker";
import { groupHref } from "../paths";
import { PolicyPicker } from "../policy-picker";
import { useAdjustAttachmentCounts } from "../use-policies";
import { createGroupAction } from "./actions";

const NAME = /^[\w+=,.@-]{1,128}$/;

export function CreateGroupForm({ users }: { users: Loaded<PickItem[]> }) {
  const router = useRouter();
  const adjustCounts = useAdjustAttachmentCounts();
  const [name, setName] = React.useState("");
  const [members, setMembers] = React.useState<string[]>([]);
  const [policies, setPolicies] = React.useState<string[]>([]);
  const [touched, setTouched] = React.useState(false);
  const [failed, setFailed] = React.useState<BatchFailure[]>();
  const action = useAction();
  const nameError = !name
    ? "Enter a group name."
    : !NAME.test(name)
      ? "Use up to 128 letters, digits and +=,.@-_ characters."
      : undefined;
  const serverNameError =
    action.error?.code === "EntityAlreadyExists" || action.error?.field === "GroupName"
      ? action.error.message
      : undefined;

  if (failed) {
    return (
      <div className="space-y-5">
        <Alert
          type="warning"
          header={`User group ${name} created, but some settings were not applied`}
        >
          <ul className="mt-1 space-y-1">
            {failed.map((f) => (
              <li key={f.item}>
                <span className="font-bold">{f.item}</span>: {f.code}: {f.message}
              </li>
            ))}
          </ul>
        </Alert>
        <Button asChild variant="primary">
          <Link href={groupHref(name)}>View group</Link>
        </Button>
      </div>
    );
  }

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={async (e) => {
        e.preventDefault();
        setTouched(true);
        if (nameError) return;
        const result = await action.run(
          () => createGroupAction({ GroupName: name, UserNames: members, PolicyArns: policies }),
          { refresh: false },
        );
        if (!result.ok) return;
        adjustCounts(
          Object.fromEntries(
            policies
              .filter((arn) => !result.data.failed.some((f) => f.item === arn))
              .map((arn) => [arn, 1]),
          ),
        );
        if (result.data.failed.length > 0) {
          setFailed(result.data.failed);
          return;
        }
        toast.success(`User group ${result.data.GroupName} created.`);
        router.push(groupHref(result.data.GroupName));
      }}
    >
      <PageHeader
        title="Create user group"
        description="Give several users the same permissions: attach policies to the group, then add users to it."
      />
      <Container header={<ContainerHeader title="Name the group" />}>
        <Field
          id="group-name"
          label="User group name"
          description="Enter a meaningful name to identify this group."
          constraint="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
          error={(touched ? nameError : undefined) ?? serverNameError}
          className="max-w-xl"
        >
          <Input
            autoComplete="off"
            spellCheck={false}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
      </Container>
      <NamePicker
        title="Add users to the group"
        noun="user"
        items={users}
        selected={members}
        onChange={setMembers}
        empty="Create users first, or add them to the group later."
      />
      <PolicyPicker
        title="Attach permissions policies"
        selected={policies}
        onChange={setPolicies}
      />
      {action.error && !serverNameError ? <ErrorAlert error={action.error} /> : null}
      <div className="flex items-center justify-end gap-2">
        <Button variant="link" asChild className="mr-3">
          <Link href="/iam/groups">Cancel</Link>
        </Button>
        <Button type="submit" variant="primary" loading={action.pending}>
          Create user group
        </Button>
      </div>
    </form>
  );
}
