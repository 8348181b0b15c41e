// Placeholder: the consolidation of one round (draft, refresh, trace), filled by the consolidation feature.
export function ConsolidationPanel(_props: { roundId: number }) {
  return null;
}
