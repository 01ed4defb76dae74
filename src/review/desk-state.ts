import { analysePack } from '../analyse/gaps';
import type { GapReport } from '../analyse/gaps';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { loadPack, type LoadedPack, type LoadOptions } from '../pipeline/load-pack';
import { loadLinkHistory, type LinkRecord } from '../urls/link-history';

/** What the desk shows: the pack as validated and analysed now, and the last `links` results if any. */
export interface DeskSnapshot {
  /** Counts up on every reload, so that a page can tell it is out of date. */
  version: number;
  pack?: LoadedPack;
  diagnostics: Diagnostic[];
  /** The validation problems alone (what `approve` checks before signing off). */
  validation: Diagnostic[];
  report?: GapReport;
  links: Map<string, LinkRecord>;
}

/**
 * The pack, loaded and analysed as `validate` and `gaps` do, reloaded after every edit and every change on
 * disk. Reloads run one at a time; a change during a reload schedules exactly one more.
 */
export class DeskState {
  private current: DeskSnapshot = { version: 0, diagnostics: [], validation: [], links: new Map() };
  private running: Promise<void> | undefined;
  private again = false;
  private readonly listeners = new Set<(s: DeskSnapshot) => void>();

  constructor(
    readonly packDir: string,
    private readonly options: LoadOptions,
  ) {}

  get snapshot(): DeskSnapshot {
    return this.current;
  }

  onChange(listener: (s: DeskSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reloads the pack; resolves once a reload that started after this call has finished. */
  reload(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const next = await this.load();
        this.current = next;
        for (const listener of this.listeners) listener(next);
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async load(): Promise<DeskSnapshot> {
    const version = this.current.version + 1;
    // The hash cache in .impact-pack-cache (as validate keeps it) spares re-hashing large PDFs on every reload;
    // the desk's change watch ignores that folder.
    const loaded = await loadPack(this.packDir, this.options);
    if (!loaded.pack) return { version, diagnostics: loaded.diagnostics, validation: loaded.diagnostics, links: new Map() };
    const { pack } = loaded;
    const analysed = analysePack(pack.catalogue, pack.settings, pack.items, pack.files, loaded.diagnostics);
    const links = await loadLinkHistory(pack.root).then((h) => h.records).catch(() => new Map<string, LinkRecord>());
    return { version, pack, diagnostics: [...loaded.diagnostics, ...analysed.diagnostics], validation: loaded.diagnostics, report: analysed.value, links };
  }
}
