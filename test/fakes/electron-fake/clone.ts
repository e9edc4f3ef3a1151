/**
 * What IPC does to a value on its way between processes. Electron serializes every IPC
 * payload with the structured clone algorithm (docs/api/ipc-renderer.md, invoke: "Arguments
 * will be serialized with the Structured Clone Algorithm, just like window.postMessage, so
 * prototype chains will not be included. Sending Functions, Promises, Symbols, WeakMaps, or
 * WeakSets will throw an exception."). V8's serializer is the same one behind Node's
 * `structuredClone`, so the fake uses it and only rewords the failure the way Electron
 * reports it ("An object could not be cloned.", as in Electron's own spec for
 * webContents.postMessage).
 */

/** Electron's words when a value cannot cross IPC. */
export const CLONE_ERROR = 'An object could not be cloned.';

/**
 * A copy of `value` as the other process would receive it; throws like Electron on the
 * uncloneable. Other failures of the serializer (a RangeError for a value nested too deep
 * for the stack) are V8's own and pass through unchanged, as they would in Electron.
 */
export function ipcClone<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch (e) {
    if (e instanceof Error && e.name === 'DataCloneError')
      throw new Error(CLONE_ERROR, { cause: e });
    throw e;
  }
}

/** Each argument cloned (the whole argument list is one message in Electron). */
export function ipcCloneArgs(args: unknown[]): unknown[] {
  return ipcClone(args);
}
