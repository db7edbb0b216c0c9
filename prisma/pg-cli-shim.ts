// Loaded only by prisma.config.ts for the Prisma CLI on PostgreSQL (never by the app).
// @prisma/adapter-pg cannot map the catalog types `name` (oid 19) and `"char"` (oid 18) that
// schema introspection returns (prisma/orm#27403): report them as text, and their arrays as text[].
import pg from "pg";

const TEXT = 25;
const TEXT_ARRAY = 1009;
const REMAP: Record<number, number> = { 18: TEXT, 19: TEXT, 1002: TEXT_ARRAY, 1003: TEXT_ARRAY };

type Fielded = { fields?: { dataTypeID: number }[] };

function remap<T>(result: T): T {
  for (const field of (result as Fielded).fields ?? []) {
    const mapped = REMAP[field.dataTypeID];
    if (mapped !== undefined) field.dataTypeID = mapped;
  }
  return result;
}

function wrapQuery<Q extends { query: (...args: never[]) => unknown }>(target: Q): Q {
  const original = target.query.bind(target) as (...args: unknown[]) => unknown;
  (target as { query: unknown }).query = (...args: unknown[]) => {
    const out = original(...args);
    return out instanceof Promise ? out.then(remap) : out;
  };
  return target;
}

export function createCliPool(connectionString: string): pg.Pool {
  const pool = wrapQuery(new pg.Pool({ connectionString }));
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  // pg's own pool.query() calls connect(callback): leave that form alone.
  (pool as { connect: unknown }).connect = (...args: unknown[]) =>
    args.length > 0
      ? connect(...args)
      : (connect() as Promise<pg.PoolClient>).then((client) => wrapQuery(client));
  return pool;
}
