import * as React from "react";
import { cn } from "./cn";

// AWS's Container: a white panel with a header (title, counter, description, actions).
export function Container({
  header,
  children,
  className,
  bodyClassName,
  footer,
  ...props
}: {
  header?: React.ReactNode;
  children?: React.ReactNode;
  className?: string;
  bodyClassName?: string;
  footer?: React.ReactNode;
} & Omit<React.ComponentProps<"section">, "children">) {
  return (
    <section
      className={cn(
        "rounded-xl bg-card text-card-foreground shadow-[0_1px_1px_0_rgb(0_28_36/0.3),1px_1px_1px_0_rgb(0_28_36/0.15),-1px_1px_1px_0_rgb(0_28_36/0.15)] dark:shadow-none dark:ring-1 dark:ring-border",
        className,
      )}
      {...props}
    >
      {header}
      <div className={cn("px-5 pb-5", !header && "pt-5", bodyClassName)}>{children}</div>
      {footer ? <div className="border-t px-5 py-3">{footer}</div> : null}
    </section>
  );
}

export function ContainerHeader({
  title,
  counter,
  description,
  actions,
  level = 2,
  id,
}: {
  title: React.ReactNode;
  counter?: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  level?: 2 | 3;
  id?: string;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-5 pt-4 pb-3">
      <div className="min-w-0">
        <Heading id={id} className="text-lg leading-6 font-bold">
          {title}
          {counter !== undefined ? (
            <span className="ml-1 font-normal text-muted-foreground">({counter})</span>
          ) : null}
        </Heading>
        {description ? <p className="mt-0.5 text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}

/** Label over value, as in AWS's "Secret details" panels. */
export function KeyValue({
  label,
  children,
  className,
}: {
  label: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("min-w-0", className)}>
      <dt className="text-sm font-bold text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 text-sm break-words">{children}</dd>
    </div>
  );
}
