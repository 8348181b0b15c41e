/**
 * A minimal ordered view of WordprocessingML, enough for the layout checker. The parts of a DOCX
 * are machine-written XML, so a small tokenizer does: elements, attributes, text and the five
 * predefined entities plus numeric references; comments, processing instructions and CDATA are
 * skipped or kept as text.
 */

export interface XNode {
  tag: string;
  attrs: Record<string, string>;
  children: XNode[];
  /** Text content of a text node (tag "#text"). */
  text?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses an XML part into its root elements; throws on mismatched tags. */
export function parseXml(xml: string): XNode[] {
  const root: XNode = { tag: '', attrs: {}, children: [] };
  const stack: XNode[] = [root];
  for (const m of xml.matchAll(TOKEN)) {
    const parent = stack[stack.length - 1] as XNode;
    if (m[1] !== undefined) {
      parent.children.push({ tag: '#text', attrs: {}, children: [], text: m[1] });
    } else if (m[3] !== undefined) {
      if (m[2] === '/') {
        if (parent.tag !== m[3] || stack.length < 2) throw new Error(`Unexpected </${m[3]}>`);
        stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      if (m[4]) for (const a of m[4].matchAll(ATTR)) attrs[a[1] as string] = decode(a[2] ?? a[3] ?? '');
      const node: XNode = { tag: m[3], attrs, children: [] };
      parent.children.push(node);
      if (m[5] !== '/') stack.push(node);
    } else if (m[6] !== undefined) {
      parent.children.push({ tag: '#text', attrs: {}, children: [], text: decode(m[6]) });
    }
  }
  if (stack.length !== 1) throw new Error(`Unclosed <${stack[stack.length - 1]?.tag}>`);
  return root.children.filter((c) => c.tag !== '#text');
}

export function child(node: XNode | undefined, tag: string): XNode | undefined {
  return node?.children.find((c) => c.tag === tag);
}

export function childrenOf(node: XNode | undefined, tag: string): XNode[] {
  return node ? node.children.filter((c) => c.tag === tag) : [];
}

/** The first descendant with `tag`, depth first. */
export function descendant(node: XNode | undefined, tag: string): XNode | undefined {
  if (!node) return undefined;
  for (const c of node.children) {
    if (c.tag === tag) return c;
    const found = descendant(c, tag);
    if (found) return found;
  }
  return undefined;
}

export function descendants(node: XNode | undefined, tag: string, out: XNode[] = []): XNode[] {
  if (!node) return out;
  for (const c of node.children) {
    if (c.tag === tag) out.push(c);
    descendants(c, tag, out);
  }
  return out;
}

/** An attribute with or without its "w:" prefix. */
export function attr(node: XNode | undefined, name: string): string | undefined {
  if (!node) return undefined;
  return node.attrs[`w:${name}`] ?? node.attrs[name];
}

export function numAttr(node: XNode | undefined, name: string): number | undefined {
  const value = attr(node, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** A toggle property (w:b, w:i): present and not switched off. */
export function onOff(node: XNode | undefined): boolean | undefined {
  if (!node) return undefined;
  const value = attr(node, 'val');
  return value === undefined || !['0', 'false', 'off'].includes(value);
}

/** The text content of a node: w:t runs, tabs and breaks. */
export function textOf(node: XNode): string {
  let out = '';
  for (const c of node.children) {
    if (c.tag === 'w:t') out += c.children.map((t) => t.text ?? '').join('');
    else if (c.tag === 'w:tab') out += '\t';
    else if (c.tag === 'w:br' || c.tag === 'w:cr') out += '\n';
    else if (c.tag !== 'w:instrText' && c.tag !== 'w:delText') out += textOf(c);
  }
  return out;
}
