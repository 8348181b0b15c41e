// Placeholder: the completeness of one round (units × states), filled by the board feature.
export function RoundProgress(_props: { roundId: number }) {
  return null;
}
