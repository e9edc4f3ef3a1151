/**
 * Placeholder: the recording fake of the 'electron' module. The shell work replaces this
 * with a full recording fake; vitest aliases 'electron' here so no test can download the binary.
 */
export {};
