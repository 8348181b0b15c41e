/** The places of an outline a comment can be about: its sections and its indicators. */
import type { Indicator, Outline } from '@domain/outline';
import { numberOutline } from '@domain/outlines/numbering';

export interface CommentTarget {
  value: string;
  label: string;
}

export interface CommentTargetGroup {
  group: string;
  items: CommentTarget[];
}

/** Select options: "III.2.a. Đoàn vào" for a section, "Số đoàn vào (III.2.a)" for an indicator. */
export function commentTargets(outline: Outline): CommentTargetGroup[] {
  const sections: CommentTarget[] = [];
  const indicators: CommentTarget[] = [];
  for (const s of numberOutline(outline)) {
    sections.push({ value: s.key, label: `${s.fullNumber}. ${s.title}` });
    for (const child of s.section.children) {
      if (child.kind !== 'indicator') continue;
      const indicator = child as Indicator;
      indicators.push({ value: indicator.code, label: `${indicator.label} (${s.fullNumber})` });
    }
  }
  return [
    { group: 'Mục', items: sections },
    { group: 'Chỉ tiêu', items: indicators },
  ];
}
