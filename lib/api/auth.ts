// Who signed an AWS API request. SigV4 (Authorization header or presigned query) is verified
// with lib/crypto/sigv4.ts against the secret of the access key named in the credential scope:
// an IAM user's AKIA... key (lib/ops/iam/credentials) or an STS session's ASIA... key
// (lib/ops/sts, which also needs the session token). Resolved keys are cached for a few seconds;
// the decision about what the caller may do is never cached here: operations make it.
import { AwsError } from "../errors";
import {
  parseAuthorization,
  unrecognizedClient,
  verifySigV4,
  type SigV4Protocol,
  type SigV4Request,
} from "../crypto/sigv4";
import type { Caller, Principal } from "../ops/caller";
import { recordAccessKeyUse, resolveAccessKey } from "../ops/iam/credentials";
import { resolveSessionKey, sessionTokenMatches, type ResolvedSession } from "../ops/sts";
import { MISS, TtlCache } from "./ttl-cache";

export interface ResolvedCredentials {
  kind: "user" | "session";
  accessKeyId: string;
  secretAccessKey: string;
  principal: Principal;
  active: boolean;
  session?: ResolvedSession;
}

export interface CredentialSource {
  resolve(accessKeyId: string): Promise<ResolvedCredentials | undefined>;
  /** Records the key's use; a promise only when it writes. */
  recordUse(accessKeyId: string, service: string, region: string): Promise<void> | undefined;
}

/** IAM users' keys and STS sessions from the database. */
export const databaseCredentials: CredentialSource = {
  async resolve(accessKeyId) {
    if (accessKeyId.startsWith("ASIA")) {
      const session = await resolveSessionKey(accessKeyId);
      if (!session) return undefined;
      return {
        kind: "session",
        accessKeyId,
        secretAccessKey: session.secretAccessKey,
        principal: session.principal,
        active: true,
        session,
      };
    }
    const key = await resolveAccessKey(accessKeyId);
    if (!key) return undefined;
    return {
      kind: "user",
      accessKeyId,
      secretAccessKey: key.secretAccessKey,
      principal: key.principal,
      active: key.status === "Active",
    };
  },
  recordUse: recordAccessKeyUse,
};

export function expiredToken(protocol: SigV4Protocol): AwsError {
  const message = "The security token included in the request is expired";
  return protocol === "json"
    ? new AwsError("ExpiredTokenException", message, { status: 400 })
    : new AwsError("ExpiredToken", message, { status: 403 });
}

export interface AuthenticatorOptions {
  source?: CredentialSource;
  /** How long a resolved key is trusted without asking the database again (default 5 s). */
  cacheMs?: number;
  now?: () => Date;
}

export interface RequestMeta {
  sourceIp?: string;
  secureTransport: boolean;
  userAgent?: string;
}

export interface VerifyOptions {
  protocol: SigV4Protocol;
  /** The signing name the request must be scoped to (secretsmanager, iam, sts). */
  service?: string;
}

export class Authenticator {
  private readonly source: CredentialSource;
  private readonly cache: TtlCache<string, ResolvedCredentials | undefined>;
  private readonly now: () => Date;
  private readonly loadKey = (id: string) => this.source.resolve(id);

  constructor(options: AuthenticatorOptions = {}) {
    this.source = options.source ?? databaseCredentials;
    this.now = options.now ?? (() => new Date());
    const ttlMs = options.cacheMs ?? 5_000;
    this.cache = new TtlCache({ ttlMs, maxEntries: 10_000, refreshAheadMs: ttlMs / 5 });
  }

  /** Forget every resolved key (tests; a deactivation is otherwise in force within the TTL). */
  clearCache(): void {
    this.cache.clear();
  }

  /** The caller of a signed request, or the AWS error that refuses it. */
  async authenticate(
    req: SigV4Request,
    meta: RequestMeta,
    options: VerifyOptions,
  ): Promise<Caller> {
    const { protocol } = options;
    const parsed = parseAuthorization(req, { protocol });
    // A fresh cached key is used as it is, without a turn of the microtask queue.
    const load = this.loadKey;
    const cached = this.cache.fresh(parsed.accessKeyId, load);
    const key = cached !== MISS ? cached : await this.cache.getOrLoad(parsed.accessKeyId, load);
    if (!key || !key.active) throw unrecognizedClient(protocol);
    if (key.session) {
      if (!sessionTokenMatches(key.session, parsed.securityToken))
        throw unrecognizedClient(protocol);
      if (key.session.expiration.getTime() <= this.now().getTime()) throw expiredToken(protocol);
    } else if (parsed.securityToken) {
      // A long-term key carries no session token; one that does was not issued by us.
      throw unrecognizedClient(protocol);
    }
    verifySigV4(req, parsed, key.secretAccessKey, {
      protocol,
      service: options.service,
      now: this.now(),
    });
    if (key.kind === "user") {
      this.source
        .recordUse(key.accessKeyId, parsed.service, parsed.region)
        ?.catch((error: unknown) => {
          console.error("api: could not record access key use", error);
        });
    }
    return {
      principal: key.principal,
      via: "api",
      sourceIp: meta.sourceIp,
      userAgent: meta.userAgent,
      secureTransport: meta.secureTransport,
      requestedRegion: parsed.region,
    };
  }
}
