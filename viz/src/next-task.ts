// Long work cut into tasks: the page answers input and draws frames between them.

/** Lets the browser run what waits (input, a frame) before going on: scheduler.yield where there is one. */
export const nextTask = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};
