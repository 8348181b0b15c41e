// Placeholder: on a consolidated report, where each figure came from; filled by the consolidation feature.
export function ConsolidationSources(_props: { reportId: number }) {
  return null;
}
