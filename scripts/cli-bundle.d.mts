// Types of scripts/cli-bundle.mjs for the tests that import it.
import type { BuildOptions } from 'esbuild';

export const ROOT: string;
export const BUNDLE: string;
export function staleReason(): string | null;
export function bundleOptions(entry: string): BuildOptions;
export function buildCli(): Promise<string>;
