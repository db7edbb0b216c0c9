"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useAction } from "@/components/actions/use-action";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Container, ContainerHeader } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { BatchFailure } from "../actions";
import { EmptyRow, Pager, SearchBox, useClientList } from "../client-list";
import { ErrorAlert } from "../error-alert";
import { formatShortDateTime } from "../format";
import { ENTITY_TITLE, entityHref, policyHref } from "../paths";
import type { EntityKind, EntityRef } from "../types";
import { useAdjustAttachmentCounts } from "../use-policies";
import { attachPolicyToEntitiesAction } from "./actions";

export interface AttachCandidate extends EntityRef {
  arn: string;
  created: string;
  attached: boolean;
}

type KindFilter = "all" | EntityKind;
const key = (e: EntityRef) => `${e.kind}/${e.name}`;

export function AttachPolicyForm({
  policyArn,
  policyName,
  candidates,
  errors,
}: {
  policyArn: string;
  policyName: string;
  candidates: AttachCandidate[];
  errors: { code: string; message: string }[];
}) {
  const router = useRouter();
  const adjustCounts = useAdjustAttachmentCounts();
  const [kind, setKind] = React.useState<KindFilter>("all");
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [failed, setFailed] = React.useState<BatchFailure[]>([]);
  const action = useAction();
  const ofKind = React.useMemo(
    () => (kind === "all" ? candidates : candidates.filter((c) => c.kind === kind)),
    [candidates, kind],
  );
  const match = React.useCallback(
    (c: AttachCandidate, needle: string) => c.name.toLowerCase().includes(needle),
    [],
  );
  const list = useClientList(ofKind, match, { pageSize: 50 });
  const chosen = candidates.filter((c) => selected.has(key(c)));

  const attach = async () => {
    setFailed([]);
    const result = await action.run(
      () =>
        attachPolicyToEntitiesAction(
          policyArn,
          chosen.map(({ kind, name }) => ({ kind, name })),
        ),
      { refresh: false },
    );
    if (!result.ok) return;
    const { attached, failed } = result.data;
    adjustCounts({ [policyArn]: attached.length });
    if (attached.length > 0) {
      toast.success(
        `Policy ${policyName} attached to ${attached.map((e) => `${e.kind} ${e.name}`).join(", ")}.`,
      );
    }
    if (failed.length > 0) {
      // What IAM refused stays selected with its reason; the rest is done.
      setFailed(failed);
      setSelected(new Set(failed.map((f) => f.item)));
      router.refresh();
      return;
    }
    router.push(`${policyHref(policyArn)}?tab=entities`);
    router.refresh();
  };

  return (
    <div className="space-y-5">
      <PageHeader
        title={`Attach ${policyName}`}
        description="Choose the users, groups and roles that get this policy's permissions."
      />
      {errors.map((e, i) => (
        <ErrorAlert key={i} error={e} />
      ))}
      <Container
        header={
          <ContainerHeader
            title="IAM entities"
            counter={`${selected.size}/${candidates.length}`}
            description="Entities that already have the policy are marked Attached."
          />
        }
        bodyClassName="px-0 pb-0"
      >
        <div className="flex flex-wrap items-center gap-2 px-5 pb-3">
          <Select
            aria-label="Filter by entity type"
            className="w-40"
            value={kind}
            onValueChange={(v) => setKind(v as KindFilter)}
            options={[
              { value: "all", label: "All types" },
              { value: "user", label: "Users" },
              { value: "group", label: "User groups" },
              { value: "role", label: "Roles" },
            ]}
          />
          <SearchBox value={list.query} onChange={list.setQuery} label="Search entities" />
          <div className="ml-auto">
            <Pager page={list.page} pages={list.pages} onPage={list.setPage} />
          </div>
        </div>
        <Table aria-label="IAM entities">
          <THead>
            <tr>
              <TH className="w-10 pr-0">
                <span className="sr-only">Select</span>
              </TH>
              <TH>Entity name</TH>
              <TH>Entity type</TH>
              <TH>Creation time (UTC)</TH>
            </tr>
          </THead>
          <TBody>
            {list.visible.map((c) => {
              const checked = c.attached || selected.has(key(c));
              return (
                <TR key={key(c)} className={cn(checked && "bg-accent hover:bg-accent")}>
                  <TD className="w-10 pr-0">
                    <Checkbox
                      aria-label={`${ENTITY_TITLE[c.kind]} ${c.name}`}
                      checked={checked}
                      disabled={c.attached}
                      onCheckedChange={(on) => {
                        const next = new Set(selected);
                        if (on === true) next.add(key(c));
                        else next.delete(key(c));
                        setSelected(next);
                      }}
                    />
                  </TD>
                  <TD className="font-bold break-all">
                    <Link
                      href={entityHref(c.kind, c.name)}
                      target="_blank"
                      className="text-link hover:underline"
                    >
                      {c.name}
                    </Link>
                    {c.attached ? (
                      <Badge className="ml-2" tone="neutral">
                        Attached
                      </Badge>
                    ) : null}
                  </TD>
                  <TD>{ENTITY_TITLE[c.kind]}</TD>
                  <TD className="whitespace-nowrap">{formatShortDateTime(c.created)}</TD>
                </TR>
              );
            })}
            {list.visible.length === 0 ? (
              <EmptyRow
                colSpan={4}
                title={candidates.length === 0 ? "No users, groups or roles" : "No matches"}
                body={
                  candidates.length === 0
                    ? "Create a user, group or role first."
                    : "No entity matches the filter."
                }
              />
            ) : null}
          </TBody>
        </Table>
      </Container>
      {failed.length > 0 ? (
        <Alert type="error" header="Some attachments were refused">
          <ul className="mt-1 space-y-1">
            {failed.map((f) => (
              <li key={f.item}>
                <span className="font-bold">{f.item}</span>: {f.code}: {f.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <ErrorAlert error={action.error} />
      <div className="flex items-center justify-end gap-2">
        <Button variant="link" asChild className="mr-3">
          <Link href={policyHref(policyArn)}>Cancel</Link>
        </Button>
        <Button
          variant="primary"
          disabled={chosen.length === 0}
          loading={action.pending}
          onClick={attach}
        >
          Attach policy
        </Button>
      </div>
    </div>
  );
}
