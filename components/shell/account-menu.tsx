"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { ChevronDown, KeyRound, LogOut, UserRound } from "lucide-react";
import type { Principal } from "@/lib/ops/caller";
import { CopyButton } from "@/components/ui/copy-button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

/** 123456789012 -> 1234-5678-9012, as the AWS console shows account ids. */
export function formatAccountId(id: string): string {
  return /^\d{12}$/.test(id) ? `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}` : id;
}

export function principalLabel(principal: Principal): string {
  return principal.type === "Root" ? "Root user" : principal.name;
}

export function AccountMenu({ principal, region }: { principal: Principal; region: string }) {
  const router = useRouter();
  const [signingOut, setSigningOut] = React.useState(false);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex h-8 max-w-[22rem] items-center gap-1.5 rounded-full px-2.5 text-sm text-topbar-foreground hover:bg-white/10 data-[state=open]:bg-white/10"
        aria-label={`Account menu: ${principalLabel(principal)} @ ${formatAccountId(principal.accountId)}`}
      >
        <UserRound className="size-4 shrink-0 text-topbar-muted" aria-hidden />
        <span className="hidden truncate font-bold sm:inline">
          {principalLabel(principal)}
          <span className="font-normal text-topbar-muted">
            {" "}
            @ {formatAccountId(principal.accountId)}
          </span>
        </span>
        <ChevronDown className="size-3.5 shrink-0 text-topbar-muted" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-96 p-0">
        <dl className="space-y-3 px-4 py-3 text-sm">
          <div>
            <dt className="text-xs text-muted-foreground">Account ID</dt>
            <dd className="flex items-center gap-1 font-mono">
              {formatAccountId(principal.accountId)}
              <CopyButton value={principal.accountId} label="Copy account ID" />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Signed in as</dt>
            <dd className="flex items-start gap-1">
              <span className="min-w-0 font-mono text-xs leading-5 break-all">{principal.arn}</span>
              <CopyButton value={principal.arn} label="Copy principal ARN" />
            </dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Region</dt>
            <dd className="font-mono">{region}</dd>
          </div>
        </dl>
        <DropdownMenuSeparator className="mx-0 my-0" />
        <div className="p-1">
          {principal.type === "User" ? (
            <DropdownMenuItem onSelect={() => router.push("/account/change-password")}>
              <KeyRound aria-hidden />
              Change password
            </DropdownMenuItem>
          ) : null}
          <DropdownMenuItem
            disabled={signingOut}
            onSelect={async (event) => {
              event.preventDefault();
              setSigningOut(true);
              await signOut({ redirect: false });
              router.replace("/signin");
              router.refresh();
            }}
          >
            <LogOut aria-hidden />
            Sign out
          </DropdownMenuItem>
        </div>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
