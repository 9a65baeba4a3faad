export function buildExamples(
  root: string,
): Promise<{ target: string; files: number; written: number; operations: number }>;
