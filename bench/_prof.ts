import { workloads } from "./iam-engine.bench";
import { evaluate } from "../lib/iam";
const w = workloads()[Number(process.argv[2] ?? 1)];
let n = 0;
const t = performance.now();
for (let i = 0; i < 200_000; i++) n += evaluate(w.request, w.policies).matchedStatements.length;
console.log(n, ((performance.now() - t) / 200_000) * 1000, "µs/eval");
