import { notFound } from "next/navigation";
import { load } from "@/components/actions/load";
import { Alert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { getFunction } from "@/lib/ops/lambda";
import { loadSecretsByFunction } from "./functions-data";
import { FunctionDetails } from "./function-details";
import { toFunctionView } from "./serialize";

export async function RotationFunctionDetailsPage({ name }: { name: string }) {
  const caller = await getCaller();
  const [fn, secrets] = await Promise.all([
    load(async () =>
      toFunctionView((await getFunction(caller, { FunctionName: name })).Configuration),
    ),
    loadSecretsByFunction(caller),
  ]);
  const crumbs = [{ label: "Rotation functions", href: "/rotation/functions" }, { label: name }];
  if (!fn.ok) {
    if (fn.code === "ResourceNotFoundException") notFound();
    return (
      <div className="space-y-5">
        <Breadcrumbs items={crumbs} />
        <h1 className="text-2xl leading-8 font-bold break-all">{name}</h1>
        <Alert type="error" header={fn.code}>
          {fn.message}
        </Alert>
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <Breadcrumbs items={crumbs} />
      <FunctionDetails
        fn={fn.data}
        secrets={
          secrets.ok
            ? { ok: true, data: secrets.data[fn.data.FunctionArn] ?? [] }
            : { ok: false, code: secrets.code, message: secrets.message }
        }
      />
    </div>
  );
}
