import { describe, expect, it } from "vitest";
import { XmlWriter, escapeXml } from "./xml";

describe("escapeXml", () => {
  it("escapes markup characters and keeps a carriage return as a reference", () => {
    expect(escapeXml(`<a href="x">'&'</a>\r\n`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;&#13;\n",
    );
  });

  it("replaces characters XML 1.0 cannot carry and keeps valid surrogate pairs", () => {
    expect(escapeXml("a\u0000b\u001fc\tok")).toBe("a\uFFFDb\uFFFDc\tok");
    expect(escapeXml("emoji 😀 lone \uD800 x \uDC00")).toBe("emoji 😀 lone \uFFFD x \uFFFD");
  });
});

describe("XmlWriter", () => {
  it("nests elements with attributes and text", () => {
    const xml = new XmlWriter()
      .open("A", { xmlns: "urn:x&y" })
      .leaf("B", "1 < 2")
      .close("A")
      .toString();
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<A xmlns="urn:x&amp;y"><B>1 &lt; 2</B></A>',
    );
  });
});
