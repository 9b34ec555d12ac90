/** What the vault-based benchmarks share: progress on stderr, the passphrase of their vaults, and figures. */
export const benchPassphrase = 'bench passphrase, long enough';
export const progress = (text: string) => void process.stderr.write(`${text}\n`);
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
/** Peak memory of this process so far, MiB. */
export const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
