export function copyGraphiql(root: string): { target: string; files: number; copied: number };
