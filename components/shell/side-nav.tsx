"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Lock } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { Tooltip } from "@/components/ui/tooltip";
import { NAV } from "./nav-items";

export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Console navigation" className="flex flex-col gap-5 px-4 py-5">
      {NAV.map((section) => (
        <div key={section.title}>
          <h2 className="px-2 pb-1.5 text-xs font-bold tracking-wide text-muted-foreground uppercase">
            {section.title}
          </h2>
          <ul className="flex flex-col">
            {section.items.map((item) => {
              if (!item.href) {
                return (
                  <li key={item.label}>
                    <Tooltip content={item.disabledReason} side="right">
                      <span
                        tabIndex={0}
                        role="link"
                        aria-disabled="true"
                        aria-label={`${item.label} (${item.disabledReason})`}
                        className="flex cursor-not-allowed items-center justify-between rounded-md px-2 py-1.5 text-sm text-muted-foreground/80"
                      >
                        {item.label}
                        <Lock className="size-3" aria-hidden />
                      </span>
                    </Tooltip>
                  </li>
                );
              }
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.label}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "relative block rounded-md px-2 py-1.5 text-sm hover:text-link",
                      active &&
                        "font-bold text-link before:absolute before:top-1 before:bottom-1 before:-left-4 before:w-1 before:rounded-r before:bg-link",
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
