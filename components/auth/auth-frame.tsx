import * as React from "react";
import { BrandMark } from "@/components/shell/brand";

/** The frame of the sign-in and first-run pages: brand above a centred card. */
export function AuthFrame({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-12 items-center bg-topbar px-5 text-topbar-foreground">
        <BrandMark />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-[8vh] pb-12">
        <div className="w-full max-w-[30rem]">
          <div className="rounded-xl border bg-card p-7 text-card-foreground shadow-sm">
            <h1 className="text-2xl leading-8 font-bold">{title}</h1>
            {description ? (
              <p className="mt-1 text-sm text-muted-foreground">{description}</p>
            ) : null}
            <div className="mt-6">{children}</div>
          </div>
          {footer ? (
            <div className="mt-4 text-center text-xs text-muted-foreground">{footer}</div>
          ) : null}
        </div>
      </main>
    </div>
  );
}
