/** One element of `attack-vault blocks --json`, as the tests read it. */
export interface BlockAnswer {
  note: string;
  line: number;
  query: string;
  results?: string[];
  error?: string;
}
