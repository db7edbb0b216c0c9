// A user's, group's or role's policies for its Permissions tab: managed ones and inline ones with
// their documents. Server only.
import "server-only";
import { load } from "@/components/actions/load";
import type { Caller } from "@/lib/ops/caller";
import { getInline, listAttached, listInlineNames } from "./entity-ops";
import { documentText } from "./serialize";
import type { AttachedPolicyView, EntityKind, InlinePolicyView } from "./types";

/** Managed and inline policies of one user or group, labelled with the group they come from. */
export async function policiesOf(caller: Caller, kind: EntityKind, name: string, group?: string) {
  const [attached, inline] = await Promise.all([
    load(async () =>
      (await listAttached(caller, kind, name)).map((p): AttachedPolicyView => ({
        PolicyName: p.PolicyName,
        PolicyArn: p.PolicyArn,
        Group: group,
      })),
    ),
    load(async () => {
      const names = await listInlineNames(caller, kind, name);
      return Promise.all(
        names.map(async (policyName): Promise<InlinePolicyView> => ({
          PolicyName: policyName,
          PolicyDocument: documentText(await getInline(caller, kind, name, policyName)),
          Group: group,
        })),
      );
    }),
  ]);
  return { attached, inline };
}
