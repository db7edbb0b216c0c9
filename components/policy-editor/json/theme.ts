// CodeMirror's look in Strongbox's tokens: the editor reads the page's CSS variables, and token
// colours use light-dark() against the page's color-scheme, so one theme serves both modes.
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import { tags } from "@lezer/highlight";

const editorTheme = EditorView.theme({
  "&": {
    backgroundColor: "var(--card)",
    color: "var(--card-foreground)",
    fontSize: "13px",
  },
  "&.cm-focused": { outline: "2px solid var(--ring)", outlineOffset: "-2px" },
  ".cm-scroller": {
    fontFamily: "var(--font-mono)",
    lineHeight: "20px",
  },
  ".cm-content": { caretColor: "var(--foreground)", padding: "8px 0" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--foreground)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection":
    { backgroundColor: "light-dark(#cfe4fa, #264f78) !important" },
  ".cm-gutters": {
    backgroundColor: "var(--muted)",
    color: "var(--muted-foreground)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-activeLineGutter": { backgroundColor: "var(--accent)", color: "var(--foreground)" },
  ".cm-activeLine": { backgroundColor: "light-dark(#f5f9fe, #1e2d40)" },
  ".cm-matchingBracket, &.cm-focused .cm-matchingBracket": {
    backgroundColor: "light-dark(#dbe9f9, #2a3f57)",
    outline: "1px solid var(--border)",
  },
  ".cm-tooltip": {
    backgroundColor: "var(--popover)",
    color: "var(--popover-foreground)",
    border: "1px solid var(--border)",
    borderRadius: "8px",
    boxShadow: "0 8px 24px rgb(0 0 0 / 0.18)",
    overflow: "hidden",
  },
  ".cm-tooltip-autocomplete > ul": { fontFamily: "var(--font-mono)", maxHeight: "18rem" },
  ".cm-tooltip-autocomplete > ul > li": { padding: "2px 8px !important" },
  ".cm-tooltip-autocomplete > ul > li[aria-selected]": {
    backgroundColor: "var(--primary)",
    color: "var(--primary-foreground)",
  },
  ".cm-completionDetail": { fontFamily: "var(--font-sans)", opacity: "0.75", marginLeft: "1em" },
  ".cm-completionInfo": { padding: "6px 10px", maxWidth: "22rem", fontFamily: "var(--font-sans)" },
  ".cm-completionMatchedText": { textDecoration: "none", fontWeight: "700" },
  ".cm-diagnostic": { padding: "4px 10px", fontFamily: "var(--font-sans)", maxWidth: "36rem" },
  ".cm-diagnostic-error": { borderLeft: "4px solid var(--destructive)" },
  ".cm-diagnostic-warning": { borderLeft: "4px solid light-dark(#b88700, var(--warning))" },
  ".cm-diagnostic-info": { borderLeft: "4px solid var(--primary)" },
  ".cm-diagnosticSource": { fontSize: "11px", opacity: "0.7" },
  ".cm-diagnosticAction": {
    backgroundColor: "transparent",
    color: "var(--link)",
    border: "none",
    fontWeight: "700",
    padding: "0",
    marginLeft: "8px",
    cursor: "pointer",
  },
  ".cm-lintRange-error": {
    backgroundImage: "none",
    textDecoration: "underline wavy var(--destructive)",
    textUnderlineOffset: "3px",
  },
  ".cm-lintRange-warning": {
    backgroundImage: "none",
    textDecoration: "underline wavy light-dark(#b88700, var(--warning))",
    textUnderlineOffset: "3px",
  },
  ".cm-lintRange-info": {
    backgroundImage: "none",
    textDecoration: "underline dotted var(--primary)",
    textUnderlineOffset: "3px",
  },
  ".cm-lintRange-security": {
    textDecoration: "underline wavy var(--destructive)",
  },
  ".cm-panels": { backgroundColor: "var(--muted)", color: "var(--foreground)" },
  ".cm-searchMatch": { backgroundColor: "light-dark(#fff2a8, #5c4d00)" },
  ".cm-foldPlaceholder": {
    backgroundColor: "var(--muted)",
    border: "1px solid var(--border)",
    color: "var(--muted-foreground)",
  },
});

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: "light-dark(#0b5394, #7cc4fa)" },
  { tag: tags.string, color: "light-dark(#a31515, #f5b97f)" },
  { tag: tags.number, color: "light-dark(#05710a, #9fdf9f)" },
  { tag: [tags.bool, tags.null], color: "light-dark(#7a3e9d, #d7a6ff)", fontWeight: "700" },
  {
    tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation],
    color: "var(--muted-foreground)",
  },
  { tag: tags.invalid, color: "var(--destructive)" },
]);

export const policyEditorTheme = [editorTheme, syntaxHighlighting(highlight)];
