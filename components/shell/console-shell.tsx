"use client";

import * as React from "react";
import { Globe, Menu, X } from "lucide-react";
import type { Principal } from "@/lib/ops/caller";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Tooltip } from "@/components/ui/tooltip";
import { AccountMenu } from "./account-menu";
import { BrandMark } from "./brand";
import { SideNav } from "./side-nav";

/** The console frame: top bar (brand, region, theme, account menu), left navigation, content. */
export function ConsoleShell({
  principal,
  region,
  children,
}: {
  principal: Principal;
  region: string;
  children: React.ReactNode;
}) {
  const [navOpen, setNavOpen] = React.useState(false);

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-card px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to main content
      </a>
      <header className="sticky top-0 z-40 flex h-12 items-center gap-3 bg-topbar px-3 text-topbar-foreground sm:px-5">
        <button
          type="button"
          className="inline-flex size-8 items-center justify-center rounded-full text-topbar-muted hover:bg-white/10 hover:text-topbar-foreground lg:hidden"
          aria-label={navOpen ? "Close navigation" : "Open navigation"}
          aria-expanded={navOpen}
          aria-controls="console-nav"
          onClick={() => setNavOpen((open) => !open)}
        >
          {navOpen ? <X className="size-4" aria-hidden /> : <Menu className="size-4" aria-hidden />}
        </button>
        <BrandMark href="/secrets" />
        <div className="ml-auto flex items-center gap-1">
          <Tooltip content="Region" side="bottom">
            <span
              tabIndex={0}
              className="hidden h-8 items-center gap-1.5 rounded-full px-2.5 text-sm text-topbar-muted sm:inline-flex"
            >
              <Globe className="size-4" aria-hidden />
              <span className="font-mono text-topbar-foreground">{region}</span>
            </span>
          </Tooltip>
          <ThemeToggle />
          <AccountMenu principal={principal} region={region} />
        </div>
      </header>
      <div className="flex flex-1">
        <aside
          id="console-nav"
          className={
            navOpen
              ? "fixed inset-x-0 top-12 bottom-0 z-30 overflow-y-auto border-r bg-sidebar lg:static lg:w-64"
              : "hidden w-64 shrink-0 border-r bg-sidebar lg:block"
          }
        >
          <div className="lg:sticky lg:top-12">
            <SideNav onNavigate={() => setNavOpen(false)} />
          </div>
        </aside>
        <main id="main" className="min-w-0 flex-1 px-4 py-5 sm:px-8 sm:py-6">
          <div className="mx-auto max-w-[1400px]">{children}</div>
        </main>
      </div>
    </div>
  );
}
