/**
 * The report form's state: the content being typed, autosaved ~1.5 s after typing stops (and at
 * once on blur or when the page is hidden) by sending what changed since the server's revision,
 * kept in localStorage until the server has it, and the conflict when someone else saved meanwhile. Nothing typed is ever silently dropped.
 */
import type { ReportView } from '@domain/api-reports';
import { hasChanges, reportContentChanges } from '@domain/report-changes';
import type { ReportContent } from '@domain/report-json';
import { useQueryClient } from '@tanstack/react-query';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api/client';
import {
  clearLocalCopy,
  type LocalCopy,
  type ReportConflict,
  readLocalCopy,
  reportKeys,
  saveReport,
  writeLocalCopy,
} from '../../api/reports';

export const AUTOSAVE_DELAY_MS = 1500;
/**
 * How long typing must pause before the form renders a typed change (`update(…, { lazy: true })`):
 * longer than the gap between two keys of a steady typist, short enough to read as at once.
 */
export const TYPING_PAUSE_MS = 250;

export interface UpdateOptions {
  /**
   * A change typed into a field that shows what is typed from its own state (a number box, a text
   * box): the report has it at once (saves, the local copy), while the form, the drafting and the
   * checks render it when typing pauses, as a transition a next key interrupts.
   */
  lazy?: boolean;
}
const RETRY_DELAY_MS = 10_000;

export type SaveStatus =
  | { kind: 'saved'; at: number | null }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'retrying'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict' };

export interface ReportDraft {
  content: ReportContent;
  revision: number;
  /** The revision now (after an awaited flush the `revision` captured at render is stale). */
  currentRevision: () => number;
  /**
   * The report as the server last read it (issues, document, drafted). An autosave answers only
   * the new revision: `refresh` reads the view again (the preview tab does, once saved).
   */
  view: ReportView;
  /** The content as the server last accepted it (server issues apply to it). */
  savedContent: ReportContent;
  status: SaveStatus;
  conflict: ReportConflict | null;
  /** Unsaved changes found in this browser from an earlier visit, offered for restoring. */
  restorable: LocalCopy | null;
  update: (change: (content: ReportContent) => ReportContent, options?: UpdateOptions) => void;
  /** Saves now if anything is unsaved; resolves when the server has it (or it failed). */
  flush: () => Promise<boolean>;
  keepMine: () => void;
  takeTheirs: () => void;
  restore: () => void;
  dismissRestore: () => void;
  /** After an import or submission: the server's new state replaces the form's. */
  reset: (view: ReportView) => void;
  /** Saves what is typed, then reads the view again (checks and document of the saved content). */
  refresh: () => Promise<void>;
  /** A refresh is under way. */
  refreshing: boolean;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function useReportDraft(initial: ReportView, editable: boolean): ReportDraft {
  const id = initial.report.id;
  const queryClient = useQueryClient();
  const [content, setContent] = useState<ReportContent>(initial.content);
  const [view, setView] = useState<ReportView>(initial);
  const [savedContent, setSavedContent] = useState<ReportContent>(initial.content);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved', at: null });
  const [conflict, setConflict] = useState<ReportConflict | null>(null);
  const [restorable, setRestorable] = useState<LocalCopy | null>(() => {
    const local = readLocalCopy(id);
    if (!local || same(local.content, initial.content)) return null;
    return local;
  });

  const contentRef = useRef(content);
  const revisionRef = useRef(initial.report.revision);
  /** The content the server holds at `revisionRef`: a save sends only what differs from it. */
  const baseRef = useRef(initial.content);
  const seqRef = useRef(0);
  const savedSeqRef = useRef(0);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const blocked = useRef(false);
  // A lazy change waiting for typing to pause, and one whose render has started (not committed).
  const lazyTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lazyRendering = useRef(false);

  const clearTimer = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  const saveNow = useCallback(
    async (keepalive = false): Promise<boolean> => {
      clearTimer();
      if (blocked.current) return false;
      // One save at a time: every waiter re-checks after the save it waited for.
      while (inFlight.current) await inFlight.current;
      if (blocked.current) return false;
      if (seqRef.current === savedSeqRef.current) return true;
      const seq = seqRef.current;
      const sent = contentRef.current;
      const changes = reportContentChanges(baseRef.current, sent);
      if (!hasChanges(changes)) {
        // Typed and undone: the server already holds this content.
        savedSeqRef.current = seq;
        clearLocalCopy(id);
        setStatus({ kind: 'saved', at: Date.now() });
        return true;
      }
      setStatus({ kind: 'saving' });
      const run = (async () => {
        try {
          const result = await saveReport(id, { revision: revisionRef.current, changes }, keepalive);
          if (!result.ok) {
            blocked.current = true;
            setConflict(result.conflict);
            setStatus({ kind: 'conflict' });
            return false;
          }
          const saved = result.saved.report;
          revisionRef.current = saved.revision;
          baseRef.current = sent;
          savedSeqRef.current = seq;
          // The saved answer moves the revision on; checks and document follow on the next read.
          const patch = (v: ReportView): ReportView => ({
            ...v,
            report: {
              ...v.report,
              revision: saved.revision,
              updatedAt: saved.updatedAt,
              updatedBy: saved.updatedBy,
            },
          });
          setView(patch);
          setSavedContent(sent);
          queryClient.setQueryData<ReportView>(reportKeys.view(id), (v) => (v ? patch(v) : v));
          if (seqRef.current === seq) {
            clearLocalCopy(id);
            setStatus({ kind: 'saved', at: Date.now() });
          } else {
            setStatus({ kind: 'dirty' });
            timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
          }
          return true;
        } catch (error) {
          const transient = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
          const message = error instanceof ApiError ? error.message : 'Lỗi không mong muốn.';
          if (transient) {
            setStatus({ kind: 'retrying', message });
            timer.current = setTimeout(() => void saveNow(), RETRY_DELAY_MS);
          } else {
            setStatus({ kind: 'failed', message });
          }
          return false;
        } finally {
          inFlight.current = null;
        }
      })();
      inFlight.current = run;
      return run;
    },
    [id, queryClient, clearTimer],
  );

  // The form has rendered the content: a lazy change typed from now on waits for the next pause.
  const rendered = useRef(content);
  useEffect(() => {
    rendered.current = content;
    if (contentRef.current === content) lazyRendering.current = false;
  }, [content]);

  const update = useCallback(
    (change: (content: ReportContent) => ReportContent, options?: UpdateOptions) => {
      if (!editable) return;
      const next = change(contentRef.current);
      contentRef.current = next;
      seqRef.current += 1;
      if (lazyTimer.current) clearTimeout(lazyTimer.current);
      lazyTimer.current = null;
      const lazy = options?.lazy === true;
      if (!lazy) setContent(next);
      else if (lazyRendering.current) {
        // A render of an earlier typed change is under way: it takes this one with it, so the
        // form never commits a content older than what is typed.
        startTransition(() => setContent(next));
      } else {
        lazyTimer.current = setTimeout(() => {
          lazyTimer.current = null;
          // Rendered meanwhile (a reset, their version taken): nothing is waiting.
          if (contentRef.current === rendered.current) return;
          lazyRendering.current = true;
          startTransition(() => {
            setContent(contentRef.current);
            // The status line too follows the pause (unless a save has taken the change meanwhile).
            if (!blocked.current && !inFlight.current && seqRef.current !== savedSeqRef.current)
              setStatus((s) => (s.kind === 'dirty' ? s : { kind: 'dirty' }));
          });
        }, TYPING_PAUSE_MS);
      }
      writeLocalCopy(id, { revision: revisionRef.current, content: next, at: Date.now() });
      if (blocked.current) return;
      // Unchanged while typing goes on: no render of the form for the status line on every key.
      if (!lazy) setStatus((s) => (s.kind === 'dirty' ? s : { kind: 'dirty' }));
      clearTimer();
      timer.current = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    },
    [editable, id, saveNow, clearTimer],
  );

  // Save at once when the officer leaves the page or switches to another app.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saveNow(true);
    };
    const onPageHide = () => void saveNow(true);
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      clearTimer();
      if (lazyTimer.current) clearTimeout(lazyTimer.current);
    };
  }, [saveNow, clearTimer]);

  const keepMine = useCallback(() => {
    if (!conflict) return;
    revisionRef.current = conflict.current.revision;
    baseRef.current = conflict.current.content;
    blocked.current = false;
    setConflict(null);
    seqRef.current += 1;
    void saveNow();
  }, [conflict, saveNow]);

  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    const theirs = conflict.current.content;
    revisionRef.current = conflict.current.revision;
    baseRef.current = theirs;
    contentRef.current = theirs;
    savedSeqRef.current = seqRef.current;
    blocked.current = false;
    setContent(theirs);
    setSavedContent(theirs);
    setConflict(null);
    clearLocalCopy(id);
    setStatus({ kind: 'saved', at: Date.parse(conflict.current.updatedAt) || Date.now() });
    // Issues and preview of their version come with a fresh read (unless typing started again).
    const seq = seqRef.current;
    api
      .get<ReportView>(`/api/reports/${id}`)
      .then((fresh) => {
        if (seqRef.current !== seq) return;
        revisionRef.current = fresh.report.revision;
        baseRef.current = fresh.content;
        contentRef.current = fresh.content;
        setContent(fresh.content);
        setSavedContent(fresh.content);
        setView(fresh);
        queryClient.setQueryData(reportKeys.view(id), fresh);
      })
      .catch(() => {});
  }, [conflict, id, queryClient]);

  const restore = useCallback(() => {
    if (!restorable) return;
    // Saved against the revision it was typed on: if the server moved on, the conflict dialog shows.
    revisionRef.current = restorable.revision;
    setRestorable(null);
    update(() => restorable.content);
  }, [restorable, update]);

  const dismissRestore = useCallback(() => {
    clearLocalCopy(id);
    setRestorable(null);
  }, [id]);

  const reset = useCallback(
    (next: ReportView) => {
      clearTimer();
      contentRef.current = next.content;
      revisionRef.current = next.report.revision;
      baseRef.current = next.content;
      savedSeqRef.current = seqRef.current;
      blocked.current = false;
      setContent(next.content);
      setSavedContent(next.content);
      setView(next);
      setConflict(null);
      clearLocalCopy(id);
      setStatus({ kind: 'saved', at: Date.now() });
      queryClient.setQueryData(reportKeys.view(id), next);
    },
    [id, queryClient, clearTimer],
  );

  const [refreshing, setRefreshing] = useState(false);
  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      if (!(await saveNow())) return;
      const seq = seqRef.current;
      const fresh = await api.get<ReportView>(`/api/reports/${id}`);
      // Typing started again meanwhile: keep the newer content, take the server's checks and page.
      if (seqRef.current !== seq || fresh.report.revision !== revisionRef.current) return;
      setView(fresh);
      queryClient.setQueryData(reportKeys.view(id), fresh);
    } catch {
      // The preview stays as it was; the save status line says what went wrong.
    } finally {
      setRefreshing(false);
    }
  }, [id, queryClient, saveNow]);

  return {
    content,
    revision: revisionRef.current,
    currentRevision: () => revisionRef.current,
    view,
    savedContent,
    status,
    conflict,
    restorable,
    update,
    flush: () => saveNow(),
    keepMine,
    takeTheirs,
    restore,
    dismissRestore,
    reset,
    refresh,
    refreshing,
  };
}
