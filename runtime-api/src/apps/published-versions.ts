/**
 * Which version of each app is published, as last read: lets the automation worker read it once
 * per claimed batch instead of once per record effect. `refresh()` forgets everything (the worker
 * calls it after each claim), so an effect uses a version read after its batch was claimed; a read
 * that began before the latest refresh is not kept.
 */
export class PublishedVersions {
  private readonly versions = new Map<string, number>();
  private generation = 0;

  /** Forget every version read so far. */
  refresh(): void {
    this.generation++;
    this.versions.clear();
  }

  /** The version read since the latest refresh, if any. */
  get(workspaceId: string, appId: string): number | undefined {
    return this.versions.get(`${workspaceId}:${appId}`);
  }

  /** A token to pass to `set`: the read it starts counts only if no refresh happens meanwhile. */
  startRead(): number {
    return this.generation;
  }

  /** Keep a version read by the read that `startRead` answered `token` to. */
  set(workspaceId: string, appId: string, version: number, token: number): void {
    if (token === this.generation) this.versions.set(`${workspaceId}:${appId}`, version);
  }
}
