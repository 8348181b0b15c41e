/** The built-in outlines (đề cương) and the tools to number, walk, validate and edit outlines. */
import type { Outline } from '../outline.js';
import { annualPlan } from './builtin/annual-plan.js';
import { communeReport } from './builtin/commune-report.js';
import { departmentReport } from './builtin/department-report.js';

export * from './numbering.js';
export { annualPlan, communeReport, departmentReport };

/** Every outline shipped with the system, latest version of each code first. */
export const BUILT_IN_OUTLINES: Outline[] = [communeReport, departmentReport, annualPlan];

/** A built-in outline by code, at `version` or at its latest version. */
export function findBuiltInOutline(code: string, version?: number): Outline | undefined {
  const candidates = BUILT_IN_OUTLINES.filter((o) => o.code === code);
  if (version !== undefined) return candidates.find((o) => o.version === version);
  return candidates.reduce<Outline | undefined>(
    (best, o) => (!best || o.version > best.version ? o : best),
    undefined,
  );
}
