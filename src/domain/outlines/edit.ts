/**
 * Pure edits of an outline for the outline editor: each returns a new outline and leaves its
 * input untouched. Nodes are named by key (sections, narratives) or code (indicators). A missing
 * node is NOT_FOUND; a bad value is VALIDATION with the field named. The result still goes
 * through `outlineSchema` before it is saved; the version is assigned when saving.
 */
import { AppError } from '../errors.js';
import type { Indicator, NarrativeBlock, Outline, OutlineNode, Section } from '../outline.js';
import { cleanText } from '../text.js';
import { indicatorsOf, narrativesOf, sectionsOf } from './numbering.js';

const OUTLINE_CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function idOf(node: OutlineNode): string {
  return node.kind === 'indicator' ? node.code : node.key;
}

function notFound(key: string): AppError {
  return new AppError('NOT_FOUND', `Không tìm thấy mục, đoạn văn hoặc chỉ tiêu "${key}" trong đề cương.`);
}

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', message, [{ path, message }]);
}

/**
 * Applies `edit` to the list that directly contains `key` (the top-level list included) and
 * returns the new outline, or throws NOT_FOUND.
 */
function editListOf(
  outline: Outline,
  key: string,
  edit: (nodes: OutlineNode[], index: number) => OutlineNode[],
): Outline {
  let found = false;
  const visit = (nodes: OutlineNode[]): OutlineNode[] => {
    const index = nodes.findIndex((n) => idOf(n) === key);
    if (index >= 0) {
      found = true;
      return edit(nodes, index);
    }
    return nodes.map((n) => (n.kind === 'section' ? { ...n, children: visit(n.children) } : n));
  };
  const sections = visit(outline.sections).filter((n): n is Section => n.kind === 'section');
  if (!found) throw notFound(key);
  return { ...outline, sections };
}

/** Replaces the section `key` by `update(section)`. */
function updateSection(outline: Outline, key: string, update: (s: Section) => Section): Outline {
  return editListOf(outline, key, (nodes, i) => {
    const node = nodes[i];
    if (node?.kind !== 'section') throw notFound(key);
    return nodes.map((n, j) => (j === i ? update(node) : n));
  });
}

/** A copy under a new code and name, at version 1 (a province's own variant of a built-in outline). */
export function cloneOutline(outline: Outline, newCode: string, newName: string): Outline {
  const code = newCode.trim();
  if (!OUTLINE_CODE.test(code)) {
    throw invalid(
      'code',
      'Mã đề cương chỉ gồm chữ thường không dấu và chữ số, ngăn cách bằng dấu gạch ngang.',
    );
  }
  const name = cleanText(newName);
  if (!name) throw invalid('name', 'Tên đề cương không được để trống.');
  return { ...structuredClone(outline), code, name, version: 1 };
}

export function renameSection(outline: Outline, key: string, title: string): Outline {
  const clean = cleanText(title);
  if (!clean) throw invalid('title', 'Tên mục không được để trống.');
  return updateSection(outline, key, (s) => ({ ...s, title: clean }));
}

/**
 * Moves a node among its siblings: one place up or down, or to a position (0-based, clamped).
 * Sections are renumbered from their new place.
 */
export function moveSection(outline: Outline, key: string, to: 'up' | 'down' | number): Outline {
  return editListOf(outline, key, (nodes, from) => {
    const target = to === 'up' ? from - 1 : to === 'down' ? from + 1 : Math.trunc(to);
    const index = Math.max(0, Math.min(nodes.length - 1, target));
    const rest = nodes.filter((_, i) => i !== from);
    const moved = nodes[from] as OutlineNode;
    return [...rest.slice(0, index), moved, ...rest.slice(index)];
  });
}

function insertAt<T>(list: T[], item: T, index?: number): T[] {
  const at = index === undefined ? list.length : Math.max(0, Math.min(list.length, Math.trunc(index)));
  return [...list.slice(0, at), item, ...list.slice(at)];
}

/** Adds an indicator to a section (at the end, or at `index` among its children). */
export function addIndicator(
  outline: Outline,
  sectionKey: string,
  indicator: Indicator,
  index?: number,
): Outline {
  if (indicatorsOf(outline).some((i) => i.code === indicator.code)) {
    throw invalid('code', `Mã chỉ tiêu "${indicator.code}" đã có trong đề cương.`);
  }
  return updateSection(outline, sectionKey, (s) => ({
    ...s,
    children: insertAt(s.children, indicator, index),
  }));
}

function keyTaken(outline: Outline, key: string): boolean {
  return sectionsOf(outline).some((s) => s.key === key) || narrativesOf(outline).some((n) => n.key === key);
}

/** Adds a narrative block to a section. */
export function addNarrative(
  outline: Outline,
  sectionKey: string,
  block: NarrativeBlock,
  index?: number,
): Outline {
  if (keyTaken(outline, block.key)) throw invalid('key', `Mã "${block.key}" đã có trong đề cương.`);
  return updateSection(outline, sectionKey, (s) => ({ ...s, children: insertAt(s.children, block, index) }));
}

/** Adds a section at the top level (`parentKey` null) or inside a section. */
export function addSection(
  outline: Outline,
  parentKey: string | null,
  section: Section,
  index?: number,
): Outline {
  if (keyTaken(outline, section.key)) throw invalid('key', `Mã "${section.key}" đã có trong đề cương.`);
  if (parentKey === null) return { ...outline, sections: insertAt(outline.sections, section, index) };
  return updateSection(outline, parentKey, (s) => ({ ...s, children: insertAt(s.children, section, index) }));
}

/**
 * Removes a section (with everything in it), a narrative block or an indicator. Consistency
 * checks that named a removed indicator go too.
 */
export function removeNode(outline: Outline, key: string): Outline {
  const next = editListOf(outline, key, (nodes, i) => nodes.filter((_, j) => j !== i));
  if (!outline.checks) return next;
  const left = new Set(indicatorsOf(next).map((i) => i.code));
  const checks = outline.checks.filter((c) => left.has(c.outflow) && left.has(c.inflow) && left.has(c.stock));
  return { ...next, checks };
}
