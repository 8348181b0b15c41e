/**
 * The printed number of each section ("I.", "2.", "a)"), given to the form's headings by a small
 * store: a figure typed into an empty section makes it print and renumbers every later section,
 * and only the headings whose number changed render again (not the sections, with their fields).
 */
import type { DraftedSection } from '@domain/drafting/types';
import { createContext, useContext, useSyncExternalStore } from 'react';

export interface SectionNumbers {
  get: (key: string) => string;
  subscribe: (listener: () => void) => () => void;
  /** Takes the numbers of a new draft; the headings whose number changed render again. */
  publish: (numbers: ReadonlyMap<string, string>) => void;
}

export function createSectionNumbers(initial: ReadonlyMap<string, string>): SectionNumbers {
  let numbers = initial;
  const listeners = new Set<() => void>();
  return {
    get: (key) => numbers.get(key) ?? '',
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish: (next) => {
      if (next === numbers) return;
      numbers = next;
      for (const listener of listeners) listener();
    },
  };
}

/** Each drafted section's number, by key. */
export function numbersOf(sections: ReadonlyMap<string, DraftedSection>): Map<string, string> {
  return new Map([...sections].map(([key, s]) => [key, s.number]));
}

export const SectionNumbersContext = createContext<SectionNumbers | null>(null);

const none = () => () => {};

/** The section's printed number now ("" when it does not print, or outside a report form). */
export function useSectionNumber(key: string): string {
  const store = useContext(SectionNumbersContext);
  return useSyncExternalStore(store?.subscribe ?? none, () => store?.get(key) ?? '');
}
