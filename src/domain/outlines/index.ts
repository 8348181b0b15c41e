/** The built-in outlines (đề cương) and the tools to number, walk, validate and edit outlines. */
import type { Outline } from '../outline.js';
import type { UnitKind } from '../units.js';
import { annualPlan } from './builtin/annual-plan.js';
import { communeReport } from './builtin/commune-report.js';
import { departmentReport } from './builtin/department-report.js';
import {
  DEPARTMENT_CONSOLIDATED_REPORT_CODE,
  departmentConsolidatedReport,
  PROVINCE_REPORT_CODE,
  provinceReport,
} from './builtin/province-report.js';

export * from './numbering.js';
export { isOwnSection, OWN_SECTION_KEY } from './own-section.js';
export {
  annualPlan,
  communeReport,
  DEPARTMENT_CONSOLIDATED_REPORT_CODE,
  departmentConsolidatedReport,
  departmentReport,
  PROVINCE_REPORT_CODE,
  provinceReport,
};

/** The commune report's code: what a province asks its communes for by default. */
export const COMMUNE_REPORT_CODE = 'commune-report';

/** Every outline shipped with the system, latest version of each code first. */
export const BUILT_IN_OUTLINES: Outline[] = [
  communeReport,
  departmentReport,
  annualPlan,
  departmentConsolidatedReport,
  provinceReport,
];

/**
 * The outline a receiving unit's consolidated report is written on, for a round on `roundOutline`:
 * the communes' report consolidates into the province's own (the Sở Ngoại vụ's report to the
 * UBND tỉnh, or the UBND tỉnh's report to the Bộ Ngoại giao), whose figures carry the same codes.
 * Any other outline (a province's own đề cương, a level above) consolidates on itself.
 */
export function consolidatedOutlineCode(roundOutline: string, receiver: UnitKind): string {
  if (roundOutline !== COMMUNE_REPORT_CODE) return roundOutline;
  if (receiver === 'body') return DEPARTMENT_CONSOLIDATED_REPORT_CODE;
  if (receiver === 'province') return PROVINCE_REPORT_CODE;
  return roundOutline;
}

/** A built-in outline by code, at `version` or at its latest version. */
export function findBuiltInOutline(code: string, version?: number): Outline | undefined {
  const candidates = BUILT_IN_OUTLINES.filter((o) => o.code === code);
  if (version !== undefined) return candidates.find((o) => o.version === version);
  return candidates.reduce<Outline | undefined>(
    (best, o) => (!best || o.version > best.version ? o : best),
    undefined,
  );
}
