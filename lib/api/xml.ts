// Just enough XML for the query protocol's answers: escaping and a builder that appends to one
// string. Responses are small and written once, so no DOM.

// XML 1.0 cannot carry these at all, not even as character references.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"'\r]/g;
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // A raw CR would be read back as LF: keep it as a reference.
  "\r": "&#13;",
};

/** Escapes text for element content or an attribute value; unrepresentable characters become U+FFFD. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "\uFFFD").replace(SPECIAL, (c) => ENTITIES[c]);
}

/** Appends elements to one string: `open`/`close` around children, `leaf` for text. */
export class XmlWriter {
  private out = '<?xml version="1.0" encoding="UTF-8"?>\n';

  open(name: string, attributes?: Record<string, string>): this {
    this.out += `<${name}`;
    if (attributes) {
      for (const [key, value] of Object.entries(attributes))
        this.out += ` ${key}="${escapeXml(value)}"`;
    }
    this.out += ">";
    return this;
  }

  close(name: string): this {
    this.out += `</${name}>`;
    return this;
  }

  leaf(name: string, text: string): this {
    this.out += `<${name}>${escapeXml(text)}</${name}>`;
    return this;
  }

  toString(): string {
    return this.out;
  }
}
