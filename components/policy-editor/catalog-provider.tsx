"use client";
// The IAM catalogue in the browser. A page hands over a snapshot built on the server (names of
// every service, the global condition keys, the data of the services its policies name); the
// data of any other service is fetched the first time the editor needs it. Lookups stay
// synchronous, so the validator can run on every keystroke.
import * as React from "react";
import { catalogFromSnapshot, type Catalog, type CatalogSnapshot } from "@/lib/iam/catalog";
import { loadCatalogServicesAction, loadPolicyEditorCatalogAction } from "./actions";

export interface PolicyCatalog {
  /** Undefined until the first snapshot arrives. */
  catalog: Catalog | undefined;
  /** Fetches the data of services not held yet (each once); the catalogue is replaced when it arrives. */
  ensureServices: (prefixes: readonly string[]) => void;
  /** Services being fetched. */
  pending: ReadonlySet<string>;
  /** Why the catalogue could not be loaded, if it could not. */
  error?: string;
}

const CatalogContext = React.createContext<PolicyCatalog | undefined>(undefined);

export function PolicyCatalogProvider({
  snapshot: initial,
  children,
}: {
  /** From `policyEditorCatalog()` (./catalog-snapshot) on the server; fetched when absent. */
  snapshot?: CatalogSnapshot;
  children: React.ReactNode;
}) {
  const [snapshot, setSnapshot] = React.useState<CatalogSnapshot | undefined>(initial);
  const [pending, setPending] = React.useState<ReadonlySet<string>>(() => new Set());
  const [error, setError] = React.useState<string>();
  const asked = React.useRef(new Set<string>());

  React.useEffect(() => {
    if (snapshot) return;
    let live = true;
    loadPolicyEditorCatalogAction().then(
      (result) => {
        if (!live) return;
        if (result.ok) setSnapshot(result.data);
        else setError(result.message);
      },
      () => live && setError("The IAM catalogue could not be loaded."),
    );
    return () => {
      live = false;
    };
  }, [snapshot]);

  const catalog = React.useMemo(
    () => (snapshot ? catalogFromSnapshot(snapshot) : undefined),
    [snapshot],
  );

  const ensureServices = React.useCallback(
    (prefixes: readonly string[]) => {
      if (!snapshot || !catalog) return;
      const wanted = [...new Set(prefixes.map((p) => p.toLowerCase()))].filter(
        (p) => !snapshot.data[p] && !asked.current.has(p) && catalog.hasService(p),
      );
      if (wanted.length === 0) return;
      for (const p of wanted) asked.current.add(p);
      setPending((current) => new Set([...current, ...wanted]));
      const done = () =>
        setPending((current) => new Set([...current].filter((p) => !wanted.includes(p))));
      loadCatalogServicesAction(wanted.slice(0, 25)).then(
        (result) => {
          done();
          if (!result.ok) {
            for (const p of wanted) asked.current.delete(p);
            setError(result.message);
            return;
          }
          setSnapshot((current) =>
            current ? { ...current, data: { ...current.data, ...result.data } } : current,
          );
        },
        () => {
          done();
          for (const p of wanted) asked.current.delete(p);
          setError("The service's actions could not be loaded. Try again.");
        },
      );
    },
    [snapshot, catalog],
  );

  const value = React.useMemo(
    () => ({ catalog, ensureServices, pending, error }),
    [catalog, ensureServices, pending, error],
  );
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}

/** The catalogue of the nearest PolicyCatalogProvider; undefined outside one. */
export function usePolicyCatalog(): PolicyCatalog | undefined {
  return React.useContext(CatalogContext);
}

/** The catalogue, for components that are always inside a provider. */
export function useCatalog(): PolicyCatalog {
  const value = React.useContext(CatalogContext);
  if (!value) throw new Error("useCatalog() outside PolicyCatalogProvider");
  return value;
}
