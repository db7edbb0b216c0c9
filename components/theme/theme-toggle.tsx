"use client";

import { Moon, Sun } from "lucide-react";
import { setTheme, useTheme } from "./use-theme";
import { cn } from "@/components/ui/cn";

export function ThemeToggle({ className }: { className?: string }) {
  const theme = useTheme();
  const next = theme === "dark" ? "light" : "dark";
  return (
    <button
      type="button"
      onClick={() => setTheme(next)}
      aria-label={next === "dark" ? "Switch to dark mode" : "Switch to light mode"}
      title={next === "dark" ? "Dark mode" : "Light mode"}
      className={cn(
        "inline-flex size-8 items-center justify-center rounded-full text-topbar-muted hover:bg-white/10 hover:text-topbar-foreground",
        className,
      )}
    >
      {theme === "dark" ? (
        <Sun className="size-4" aria-hidden />
      ) : (
        <Moon className="size-4" aria-hidden />
      )}
    </button>
  );
}
