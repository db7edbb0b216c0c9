import * as React from "react";
import { Slot } from "radix-ui";
import { cva, type VariantProps } from "class-variance-authority";
import { Loader2 } from "lucide-react";
import { cn } from "./cn";

// The AWS console's button family: a filled primary action, outlined "normal" buttons, links,
// and icon buttons. Destructive actions keep the normal look; the dialog that follows says what
// will happen.
export const buttonVariants = cva(
  "inline-flex shrink-0 items-center justify-center gap-1.5 whitespace-nowrap rounded-full text-sm font-bold transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        primary: "bg-primary text-primary-foreground hover:bg-primary-hover",
        normal:
          "border-2 border-primary bg-secondary text-secondary-foreground hover:bg-accent hover:text-primary-hover hover:border-primary-hover",
        destructive: "bg-destructive text-destructive-foreground hover:opacity-90",
        ghost: "text-foreground hover:bg-muted",
        link: "h-auto rounded-sm px-0 py-0 font-bold text-link underline-offset-2 hover:underline",
        icon: "rounded-full text-muted-foreground hover:bg-muted hover:text-foreground",
      },
      size: {
        sm: "h-7 px-3 text-xs",
        md: "h-8 px-4",
        lg: "h-10 px-5",
        icon: "size-8 p-0",
      },
    },
    compoundVariants: [{ variant: "link", className: "h-auto px-0" }],
    defaultVariants: { variant: "normal", size: "md" },
  },
);

export interface ButtonProps
  extends React.ButtonHTMLAttributes<HTMLButtonElement>, VariantProps<typeof buttonVariants> {
  asChild?: boolean;
  loading?: boolean;
}

export function Button({
  className,
  variant,
  size,
  asChild = false,
  loading = false,
  disabled,
  children,
  type,
  ...props
}: ButtonProps) {
  if (asChild) {
    return (
      <Slot.Root className={cn(buttonVariants({ variant, size }), className)} {...props}>
        {children}
      </Slot.Root>
    );
  }
  return (
    <button
      type={type ?? "button"}
      className={cn(buttonVariants({ variant, size }), className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading ? <Loader2 className="animate-spin" aria-hidden /> : null}
      {children}
    </button>
  );
}
