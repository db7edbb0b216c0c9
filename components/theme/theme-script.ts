// Runs in <head> before the first paint: applies the stored theme (or the system's) so a dark
// console never flashes white. Kept tiny and dependency-free; it is inlined into every page.
export const THEME_STORAGE_KEY = "strongbox-theme";

export const themeScript = `(function(){try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);document.documentElement.style.colorScheme=d?"dark":"light";}catch(e){}})();`;
