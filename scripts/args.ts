// Command-line options of the scripts (bench-*): `--name value`.

/** The value after `--name` on the command line, or undefined. */
export function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
