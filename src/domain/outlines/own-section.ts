/**
 * The key of the section of a consolidated report's own activities (the Sở's work, the province's
 * leaders'): its figures are the issuing body's, drafted without the area the consolidated figures
 * cover (drafting: `DraftUnit.area`), and no unit's text is carried into it.
 */
export const OWN_SECTION_KEY = 'own';

export function isOwnSection(key: string): boolean {
  return key === OWN_SECTION_KEY || key.startsWith(`${OWN_SECTION_KEY}.`);
}
